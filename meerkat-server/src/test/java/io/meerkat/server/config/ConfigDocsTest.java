package io.meerkat.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.http.HttpHandlerSpecs;
import io.meerkat.server.module.ModuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/configuration.md} equal to what the specs say. Regenerate it with {@code ./mvnw
 * test -pl meerkat-server -Dtest=ConfigDocsTest -Dmeerkat.updateDocs=true}.
 */
class ConfigDocsTest {

  private static final Path DOC = Path.of("..", "docs", "configuration.md");

  @Test
  void theConfigurationReferenceIsUpToDate() throws Exception {
    String generated = ConfigDocs.render(ModuleCatalog.standard().specs(), HttpHandlerSpecs.all());
    if (Boolean.getBoolean("meerkat.updateDocs")) {
      Files.writeString(DOC, generated);
    }
    assertThat(DOC).exists();
    assertThat(Files.readString(DOC))
        .as("docs/configuration.md is stale; regenerate it (see this test's Javadoc)")
        .isEqualTo(generated);
    assertThat(generated).contains("`state_timeout`", "`[internal_databases.cets]`", "`ip_access`");
  }
}
