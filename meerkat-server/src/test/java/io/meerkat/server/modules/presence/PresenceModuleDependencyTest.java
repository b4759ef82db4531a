package io.meerkat.server.modules.presence;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meerkat.server.testing.TestNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PresenceModuleDependencyTest {

  @TempDir Path dataDir;

  @Test
  void presenceWithoutRostersStopsTheStartNamingTheMissingModule() {
    assertThatThrownBy(() -> TestNode.start(dataDir, "\n[modules.mod_presence]\n"))
        .hasMessageContaining("mod_presence needs mod_roster")
        .hasMessageContaining("[modules.mod_roster]");
  }
}
