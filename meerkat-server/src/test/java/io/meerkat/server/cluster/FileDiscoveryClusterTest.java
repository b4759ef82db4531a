package io.meerkat.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The cluster story with the nodes listed in a node-list file, re-read at every poll. */
class FileDiscoveryClusterTest extends ClusterEndToEndTest {

  @Override
  ServerCluster.Discovery discovery() {
    return ServerCluster.Discovery.FILE;
  }

  @Test
  @Order(9)
  void removeFromClusterAndJoinClusterEditTheNodeListFileForTheWholeCluster() throws Exception {
    assertThat(
            admin("node1")
                .query("mutation {server {removeFromCluster(node: \"node4\")}}")
                .errorCode())
        .isEmpty();
    assertThat(Files.readString(cluster.nodeListFile())).doesNotContain("node4 ");
    awaitJoined(List.of("node1", "node2", "node3"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> joinedNodes("node4").equals(List.of("node4")));
    String address = "node4 127.0.0.1:" + cluster.ports("node4").cluster();
    assertThat(
            admin("node2")
                .query("mutation {server {joinCluster(node: \"" + address + "\")}}")
                .errorCode())
        .isEmpty();
    assertThat(Files.readString(cluster.nodeListFile())).contains(address);
    awaitJoined(List.of("node1", "node2", "node3", "node4"));
  }

  @Test
  @Order(10)
  void anEditOfTheNodeListFileAtRuntimeIsPickedUp() throws Exception {
    // node5 lists only itself: the others learn of it from the shared file alone.
    cluster.startUnlisted("node5");
    cluster.listInNodeFile("node5");
    awaitJoined(List.of("node1", "node2", "node3", "node4", "node5"));
  }
}
