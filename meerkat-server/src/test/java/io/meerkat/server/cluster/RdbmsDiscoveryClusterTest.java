package io.meerkat.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The cluster story with the nodes finding each other in PostgreSQL's discovery_nodes table. */
class RdbmsDiscoveryClusterTest extends ClusterEndToEndTest {

  @Override
  ServerCluster.Discovery discovery() {
    return ServerCluster.Discovery.RDBMS;
  }

  @Test
  @Order(9)
  void removeFromClusterDeletesAStoppedNodesRowAtOnceAndRefusesALiveOne() throws Exception {
    assertThat(
            admin("node1")
                .query("mutation {server {removeFromCluster(node: \"node3\")}}")
                .errorCode())
        .isEqualTo("node_is_alive");
    cluster.kill("node4");
    awaitJoined(List.of("node1", "node2", "node3"));
    assertThat(discoveryRows()).contains("node4");
    assertThat(
            admin("node1")
                .query("mutation {server {removeFromCluster(node: \"node4\")}}")
                .errorCode())
        .isEmpty();
    assertThat(discoveryRows()).containsExactlyInAnyOrder("node1", "node2", "node3");
  }

  private List<String> discoveryRows() throws Exception {
    try (Connection c = database().connect();
        PreparedStatement s = c.prepareStatement("SELECT node_name FROM discovery_nodes");
        ResultSet rs = s.executeQuery()) {
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
      }
      return names;
    }
  }
}
