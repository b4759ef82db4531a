package io.meerkat.cets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meerkat.cets.discovery.DiscoveredNode;
import io.meerkat.cets.discovery.DiscoveryBackend;
import io.meerkat.cets.discovery.DiscoveryOptions;
import io.meerkat.cets.transport.NodeId;
import io.meerkat.cets.transport.memory.InMemoryNetwork;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Partitions on the in-memory network, healed by discovery. */
class NetsplitTest {

  private static final List<String> NAMES = List.of("a", "b", "c", "d");
  private static final DiscoveryOptions FAST =
      new DiscoveryOptions(
          Duration.ofMillis(50),
          Duration.ofMinutes(5),
          Duration.ofMinutes(5),
          Duration.ofMillis(100),
          Duration.ofSeconds(30),
          Duration.ofMillis(50));

  private final TestCluster cluster = new TestCluster();
  private final List<CetsTable<String, Entry>> owned = new ArrayList<>();
  private final List<CetsTable<String, Entry>> shared = new ArrayList<>();

  @AfterEach
  void stop() {
    cluster.close();
  }

  private static DiscoveryBackend everyone() {
    List<DiscoveredNode> nodes =
        NAMES.stream().map(n -> new DiscoveredNode(n, InMemoryNetwork.addressOf(n))).toList();
    return () -> nodes;
  }

  private void startAll() {
    for (String name : NAMES) {
      CetsNode node = cluster.start(name);
      owned.add(node.startTable(Entry.table("owned").build()));
      shared.add(node.startTable(Entry.table("shared").conflictHandler(Entry::max).build()));
      node.startDiscovery(everyone(), FAST);
    }
    awaitOneCluster();
  }

  private void awaitOneCluster() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Stream.concat(owned.stream(), shared.stream())
                    .allMatch(t -> t.nodes().size() == NAMES.size()));
  }

  private static void awaitEqual(List<CetsTable<String, Entry>> tables) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> tables.stream().map(CetsTable::dump).distinct().count() == 1);
  }

  @Test
  void afterAPartitionHealsEveryTableConvergesAndNoOwnedKeyIsLostOrDuplicated() {
    startAll();
    for (int i = 0; i < NAMES.size(); i++) {
      owned.get(i).insert(new Entry(NAMES.get(i) + "/before", "v"));
    }
    cluster.network().partition(Set.of("a", "b"), Set.of("c", "d"));
    await().until(() -> owned.get(0).nodes().size() == 2 && owned.get(3).nodes().size() == 2);
    for (int i = 0; i < NAMES.size(); i++) {
      owned.get(i).insert(new Entry(NAMES.get(i) + "/during", "v"));
      shared.get(i).insert(new Entry("config", "value-from-" + NAMES.get(i)));
    }
    // Each side sees only its own side's writes made during the split.
    assertThat(owned.get(0).lookup("c/during")).isEmpty();
    assertThat(owned.get(0).lookup("b/during")).hasSize(1);

    cluster.network().healAll();
    awaitOneCluster();
    awaitEqual(owned);
    awaitEqual(shared);
    List<String> keys = owned.get(0).dump().stream().map(Entry::key).toList();
    List<String> expected = new ArrayList<>();
    for (String name : NAMES) {
      expected.add(name + "/before");
      expected.add(name + "/during");
    }
    assertThat(keys).containsExactlyElementsOf(expected.stream().sorted().toList());
    // The resolver gave every node the same value for the shared key.
    assertThat(shared.get(2).lookup("config")).containsExactly(new Entry("config", "value-from-d"));
  }

  @Test
  void leaderOpsWorkOnBothSidesOfASplitAndTheResolverSettlesDuplicatesAtTheMerge() {
    startAll();
    cluster.network().partition(Set.of("a", "b"), Set.of("c", "d"));
    await().until(() -> shared.get(0).nodes().size() == 2 && shared.get(3).nodes().size() == 2);
    assertThat(shared.get(0).insertNew(new Entry("room", "a"))).isTrue();
    assertThat(shared.get(3).insertNew(new Entry("room", "d"))).isTrue();
    cluster.network().healAll();
    awaitOneCluster();
    awaitEqual(shared);
    assertThat(shared.get(1).lookup("room")).containsExactly(new Entry("room", "d"));
    assertThat(shared.get(1).insertNew(new Entry("room", "x"))).isFalse();
  }

  @Test
  void aPartialPartitionEndsInFullyMeshedGroupsThatMergeAgainAfterHealing() {
    startAll();
    // a cannot reach d, everything else is fine.
    cluster.network().partition("a", "d");
    await().until(() -> owned.get(0).nodes().size() < NAMES.size() && fullyMeshed(owned));
    assertThat(owned.get(0).nodes()).doesNotContain(cluster.node("d").id());
    owned.get(0).insert(new Entry("a/k", "v"));
    cluster.network().heal("a", "d");
    awaitOneCluster();
    awaitEqual(owned);
    assertThat(owned.get(3).lookup("a/k")).hasSize(1);
  }

  /**
   * The way a node removed from the cluster goes: its links close one by one, and what it says
   * about the members it lost can arrive after the others have dropped it. Here d's word that it
   * lost a reaches c only after c dropped d, and never reaches b. Taking it would make c drop a
   * while b keeps both, and no later join of a and c could pass the overlap check.
   */
  @Test
  void whatARemovedNodeSaysAfterItWasDroppedDoesNotSplitTheOthers() {
    startAll();
    InMemoryNetwork network = cluster.network();
    for (String other : List.of("b", "c")) {
      network.hold("d", other);
      network.hold(other, "d");
    }
    network.partition("a", "d");
    NodeId a = cluster.node("a").id();
    NodeId d = cluster.node("d").id();
    List<CetsTable<String, Entry>> rest =
        Stream.concat(owned.stream().limit(3), shared.stream().limit(3)).toList();
    // d has dropped a and said so to b and c (held); a has said it lost d, and b and c dropped d.
    await()
        .until(
            () ->
                !owned.get(3).nodes().contains(a)
                    && !shared.get(3).nodes().contains(a)
                    && rest.stream().noneMatch(t -> t.nodes().contains(d)));

    network.release("d", "c");
    await().until(() -> network.delivered("d", "c"));
    network.partition(Set.of("d"), Set.of("b", "c"));
    for (String other : List.of("b", "c")) {
      network.release("d", other);
      network.release(other, "d");
    }

    Set<NodeId> abc = Set.of(a, cluster.node("b").id(), cluster.node("c").id());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> rest.stream().allMatch(t -> Set.copyOf(t.nodes()).equals(abc)));
    // Not merely healed by a later join: b and c never dropped a at all.
    for (int bOrC : List.of(1, 2, 4, 5)) {
      assertThat(rest.get(bOrC).info().nodeDownHistory())
          .noneMatch(down -> down.server().node().equals(a));
    }
  }

  /** Every member of every table's cluster sees the same member list. */
  private boolean fullyMeshed(List<CetsTable<String, Entry>> tables) {
    for (CetsTable<String, Entry> table : tables) {
      List<NodeId> members = table.nodes();
      for (CetsTable<String, Entry> other : tables) {
        if (members.contains(other.serverId().node()) && !other.nodes().equals(members)) {
          return false;
        }
      }
    }
    return true;
  }

  @Test
  void aRestartedNodeRejoinsWithAllRecords() {
    startAll();
    for (int i = 0; i < NAMES.size(); i++) {
      owned.get(i).insert(new Entry(NAMES.get(i) + "/k", "v"));
    }
    CetsNode restarted = cluster.start("c");
    owned.set(2, restarted.startTable(Entry.table("owned").build()));
    shared.set(2, restarted.startTable(Entry.table("shared").conflictHandler(Entry::max).build()));
    restarted.startDiscovery(everyone(), FAST);
    awaitOneCluster();
    awaitEqual(owned);
    // CETS never deletes a dead incarnation's records: cleaning them is the application's job.
    assertThat(owned.get(2).dump()).extracting(Entry::key).contains("a/k", "b/k", "c/k", "d/k");
  }
}
