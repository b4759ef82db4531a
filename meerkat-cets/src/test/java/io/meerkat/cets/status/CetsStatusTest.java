package io.meerkat.cets.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meerkat.cets.CetsNode;
import io.meerkat.cets.Entry;
import io.meerkat.cets.TestCluster;
import io.meerkat.cets.discovery.CetsDiscovery;
import io.meerkat.cets.discovery.DiscoveredNode;
import io.meerkat.cets.discovery.DiscoveryBackend;
import io.meerkat.cets.discovery.DiscoveryOptions;
import io.meerkat.cets.transport.memory.InMemoryNetwork;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CetsStatusTest {

  private static final DiscoveryOptions FAST =
      new DiscoveryOptions(
          Duration.ofMillis(50),
          Duration.ofMinutes(5),
          Duration.ofMinutes(5),
          Duration.ofMillis(100),
          Duration.ofSeconds(30),
          Duration.ofMillis(50));

  private final TestCluster cluster = new TestCluster();

  @AfterEach
  void stop() {
    cluster.close();
  }

  private static DiscoveryBackend listing(String... names) {
    List<DiscoveredNode> nodes =
        Stream.of(names).map(n -> new DiscoveredNode(n, InMemoryNetwork.addressOf(n))).toList();
    return () -> nodes;
  }

  private CetsStatus statusOf(CetsNode node) {
    return new CetsStatus(node, node.discovery().orElseThrow());
  }

  @Test
  void aHealthyClusterReportsEveryNodeJoinedAndNoProblems() {
    List<CetsNode> nodes = cluster.start("a", "b");
    for (CetsNode node : nodes) {
      node.startTable(Entry.table("t").build());
      node.startDiscovery(listing("a", "b"), FAST);
    }
    nodes.forEach(n -> n.discovery().orElseThrow().waitForReady().join());
    await().until(() -> statusOf(nodes.get(0)).systemInfo().joinedNodes().size() == 2);
    SystemInfo info = statusOf(nodes.get(0)).systemInfo();
    assertThat(info.availableNodes()).containsExactly("a", "b");
    assertThat(info.joinedNodes()).containsExactly("a", "b");
    assertThat(info.discoveredNodes()).containsExactly("a", "b");
    assertThat(info.discoveryWorks()).isTrue();
    assertThat(info.unavailableNodes()).isEmpty();
    assertThat(info.remoteNodesWithoutDisco()).isEmpty();
    assertThat(info.remoteUnknownTables()).isEmpty();
    assertThat(info.remoteMissingTables()).isEmpty();
    assertThat(info.conflictTables()).isEmpty();
    assertThat(CetsStatus.gauges(info))
        .hasSize(12)
        .containsEntry("joined_nodes", 2)
        .containsEntry("discovery_works", 1);
  }

  @Test
  void anUnreachableDiscoveredNodeIsUnavailableAndNotJoined() {
    CetsNode a = cluster.start("a");
    a.startTable(Entry.table("t").build());
    a.startDiscovery(listing("a", "badnode"), FAST).waitForReady().join();
    SystemInfo info = statusOf(a).systemInfo();
    assertThat(info.discoveredNodes()).containsExactly("a", "badnode");
    assertThat(info.unavailableNodes()).containsExactly("badnode");
    assertThat(info.availableNodes()).containsExactly("a");
    assertThat(info.joinedNodes()).containsExactly("a");
  }

  @Test
  void anUnavailableNodeDisappearsOnceTheBackendNoLongerListsIt() {
    CetsNode a = cluster.start("a");
    List<String> listed = new CopyOnWriteArrayList<>(List.of("a", "badnode"));
    CetsDiscovery disco =
        a.startDiscovery(
            () ->
                listed.stream()
                    .map(n -> new DiscoveredNode(n, InMemoryNetwork.addressOf(n)))
                    .toList(),
            FAST);
    disco.waitForReady().join();
    assertThat(statusOf(a).systemInfo().unavailableNodes()).containsExactly("badnode");
    listed.remove("badnode");
    await().until(() -> statusOf(a).systemInfo().unavailableNodes().isEmpty());
  }

  @Test
  void anOnlineNodeWithoutDiscoveryIsReported() {
    List<CetsNode> nodes = cluster.start("a", "b");
    nodes.get(0).startDiscovery(listing("a", "b"), FAST).waitForReady().join();
    SystemInfo info = statusOf(nodes.get(0)).systemInfo();
    assertThat(info.remoteNodesWithoutDisco()).containsExactly("b");
    assertThat(info.availableNodes()).containsExactly("a");
  }

  @Test
  void tablesTrackedOnOnlyOneSideAreReportedAsUnknownOrMissing() {
    List<CetsNode> nodes = cluster.start("a", "b");
    nodes.get(0).startTable(Entry.table("shared").build());
    nodes.get(1).startTable(Entry.table("shared").build());
    nodes.get(0).startTable(Entry.table("onlyA").build());
    nodes.get(1).startTable(Entry.table("onlyB").build());
    for (CetsNode node : nodes) {
      node.startDiscovery(listing("a", "b"), FAST);
    }
    nodes.forEach(n -> n.discovery().orElseThrow().waitForReady().join());
    SystemInfo info = statusOf(nodes.get(0)).systemInfo();
    assertThat(info.remoteUnknownTables()).containsExactly("onlyB");
    assertThat(info.remoteNodesWithUnknownTables()).containsExactly("b");
    assertThat(info.remoteMissingTables()).containsExactly("onlyA");
    assertThat(info.remoteNodesWithMissingTables()).containsExactly("b");
    assertThat(info.joinedNodes()).containsExactly("a");
  }

  @Test
  void aRemoteNodeWithADifferentMemberListIsAConflict() {
    List<CetsNode> nodes = cluster.start("a", "b", "c");
    for (CetsNode node : nodes) {
      node.startTable(Entry.table("t").build());
    }
    nodes.get(0).startDiscovery(listing("a", "b"), FAST);
    nodes.get(1).startDiscovery(listing("a", "b"), FAST);
    nodes.get(2).startDiscovery(listing("c"), FAST);
    nodes.get(0).discovery().orElseThrow().waitForReady().join();
    cluster.connect(nodes.get(0), nodes.get(2));
    await().until(() -> nodes.get(0).table("t").orElseThrow().nodes().size() == 2);
    SystemInfo info = statusOf(nodes.get(0)).systemInfo();
    assertThat(info.conflictTables()).containsExactly("t");
    assertThat(info.conflictNodes()).containsExactly("c");
    assertThat(info.availableNodes()).containsExactly("a", "b", "c");
    assertThat(info.joinedNodes()).containsExactly("a", "b");
  }

  @Test
  void aNodeWhoseDiscoveryStoppedIsNoLongerAvailable() {
    List<CetsNode> nodes = cluster.start("a", "b");
    for (CetsNode node : nodes) {
      node.startDiscovery(listing("a", "b"), FAST);
    }
    nodes.forEach(n -> n.discovery().orElseThrow().waitForReady().join());
    assertThat(statusOf(nodes.get(0)).systemInfo().availableNodes()).containsExactly("a", "b");
    nodes.get(1).discovery().orElseThrow().close();
    SystemInfo info = statusOf(nodes.get(0)).systemInfo();
    assertThat(info.availableNodes()).containsExactly("a");
    assertThat(info.remoteNodesWithoutDisco()).containsExactly("b");
  }

  @Test
  void tableInfoListsTrackedTablesWithSizeMemoryAndSortedNodes() {
    List<CetsNode> nodes = cluster.start("b", "a");
    for (CetsNode node : nodes) {
      node.startTable(Entry.table("t").build());
      node.startDiscovery(listing("a", "b"), FAST);
    }
    nodes.forEach(n -> n.discovery().orElseThrow().waitForReady().join());
    await().until(() -> nodes.get(0).table("t").orElseThrow().nodes().size() == 2);
    List<TableStatus> tables = statusOf(nodes.get(0)).tableInfo();
    assertThat(tables).hasSize(1);
    assertThat(tables.get(0).tableName()).isEqualTo("t");
    assertThat(tables.get(0).nodes()).containsExactly("a", "b");
    assertThat(tables.get(0).size()).isZero();
    assertThat(tables.get(0).memory()).isZero();
  }
}
