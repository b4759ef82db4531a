package io.meerkat.cets.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.meerkat.cets.CetsNode;
import io.meerkat.cets.CetsTable;
import io.meerkat.cets.Entry;
import io.meerkat.cets.TestCluster;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What the rdbms discovery backend does on every supported database. */
public interface RdbmsDiscoveryContract {

  /** A database with an empty {@code discovery_nodes} table. */
  DataSource dataSource();

  private RdbmsDiscoveryBackend backend(String cluster, String node, String address) {
    return new RdbmsDiscoveryBackend(dataSource(), cluster, node, address, Duration.ofHours(1));
  }

  private static List<String> names(List<DiscoveredNode> nodes) {
    return nodes.stream().map(DiscoveredNode::name).sorted().toList();
  }

  private void execute(String sql, Object... args) throws SQLException {
    try (Connection c = dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    }
  }

  private List<String> column(String sql) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    }
  }

  @Test
  default void aNewNodeSeesItselfFromItsSecondPollOn() throws Exception {
    RdbmsDiscoveryBackend a = backend("c", "a", "");
    RdbmsDiscoveryBackend b = backend("c", "b", "");
    assertThat(names(a.getNodes())).isEmpty();
    assertThat(names(b.getNodes())).containsExactly("a");
    assertThat(names(a.getNodes())).containsExactly("a", "b");
    assertThat(names(b.getNodes())).containsExactly("a", "b");
  }

  @Test
  default void theStoredClusterNameCarriesTheProtocolVersion() throws Exception {
    RdbmsDiscoveryBackend a = backend("meerkat", "a", "");
    a.getNodes();
    assertThat(a.storedClusterName())
        .isEqualTo("meerkat-" + RdbmsDiscoveryBackend.PROTOCOL_VERSION);
    assertThat(column("SELECT cluster_name FROM discovery_nodes")).containsExactly("meerkat-1.0");
  }

  @Test
  default void nodesOfAnotherClusterAreNotSeen() throws Exception {
    backend("one", "a", "").getNodes();
    RdbmsDiscoveryBackend b = backend("two", "b", "");
    b.getNodes();
    assertThat(names(b.getNodes())).containsExactly("b");
  }

  @Test
  default void nodesTakeTheSmallestFreeNumberFromOne() throws Exception {
    RdbmsDiscoveryBackend a = backend("c", "a", "");
    RdbmsDiscoveryBackend b = backend("c", "b", "");
    RdbmsDiscoveryBackend c = backend("c", "c", "");
    a.getNodes();
    b.getNodes();
    c.getNodes();
    assertThat(List.of(a.nodeNumber(), b.nodeNumber(), c.nodeNumber())).containsExactly(1, 2, 3);
    execute("DELETE FROM discovery_nodes WHERE node_name = ?", "b");
    RdbmsDiscoveryBackend d = backend("c", "d", "");
    d.getNodes();
    assertThat(d.nodeNumber()).isEqualTo(2);
  }

  @Test
  default void staleRowsOfOtherNodesExpireButANodeNeverRemovesItself() throws Exception {
    RdbmsDiscoveryBackend a = backend("c", "a", "");
    a.getNodes();
    execute(
        "INSERT INTO discovery_nodes (cluster_name, node_name, node_num, address, updated_timestamp)"
            + " VALUES (?, ?, ?, ?, ?)",
        a.storedClusterName(),
        "old",
        7,
        "",
        0L);
    execute("UPDATE discovery_nodes SET updated_timestamp = 0 WHERE node_name = ?", "a");
    assertThat(names(a.getNodes())).containsExactly("a");
    assertThat(column("SELECT node_name FROM discovery_nodes")).containsExactly("a");
  }

  @Test
  default void changingTheClusterNameMovesTheRegistration() throws Exception {
    backend("one", "a", "").getNodes();
    backend("two", "a", "").getNodes();
    assertThat(column("SELECT cluster_name FROM discovery_nodes")).containsExactly("two-1.0");
  }

  @Test
  default void theAddressIsPublishedAndRefreshed() throws Exception {
    backend("c", "a", "10.0.0.1:9100").getNodes();
    RdbmsDiscoveryBackend b = backend("c", "b", "");
    assertThat(b.getNodes())
        .containsExactly(
            new DiscoveredNode("a", InetSocketAddress.createUnresolved("10.0.0.1", 9100)));
    backend("c", "a", "10.0.0.2:9100").getNodes();
    assertThat(b.getNodes())
        .contains(new DiscoveredNode("a", InetSocketAddress.createUnresolved("10.0.0.2", 9100)));
  }

  @Test
  default void theDatabaseRejectsADuplicateNodeNumberOrName() throws Exception {
    String insert =
        "INSERT INTO discovery_nodes (cluster_name, node_name, node_num, address, updated_timestamp)"
            + " VALUES (?, ?, ?, '', 0)";
    execute(insert, "c", "a", 1);
    assertThatThrownBy(() -> execute(insert, "c", "b", 1)).isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> execute(insert, "other", "a", 2)).isInstanceOf(SQLException.class);
  }

  @Test
  default void nodesFindEachOtherThroughTheDatabaseAndJoinTheirTables() {
    try (TestCluster cluster = new TestCluster()) {
      List<CetsNode> nodes = cluster.start("a", "b", "c");
      List<CetsTable<String, Entry>> tables = new ArrayList<>();
      List<CetsDiscovery> discos = new ArrayList<>();
      for (CetsNode node : nodes) {
        tables.add(node.startTable(Entry.table("t").build()));
        discos.add(
            node.startDiscovery(
                backend("c", node.id().name(), node.id().name() + ":9100"), Fast.options()));
      }
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> tables.stream().allMatch(t -> t.nodes().size() == 3));
      discos.forEach(d -> d.waitForReady().join());
      tables.get(0).insert(new Entry("k", "v"));
      assertThat(tables.get(2).lookup("k")).containsExactly(new Entry("k", "v"));
    }
  }
}
