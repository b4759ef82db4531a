package io.meerkat.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.testing.TestNode;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterIdTest {

  @TempDir Path dataDir;

  @Test
  void theClusterIdIsCreatedOnceAndKeptAcrossRestarts() {
    String first;
    try (TestNode node = TestNode.start(dataDir)) {
      first = node.node().clusterId();
    }
    assertThat(UUID.fromString(first)).isNotNull();
    try (TestNode node = TestNode.start(dataDir)) {
      assertThat(node.node().clusterId()).isEqualTo(first);
    }
  }
}
