package io.meerkat.cets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReplicationTest {

  private final TestCluster cluster = new TestCluster();

  @AfterEach
  void stop() {
    cluster.close();
  }

  private List<CetsTable<String, Entry>> joinedTables(String... names) {
    List<CetsNode> nodes = cluster.start(names);
    cluster.mesh(nodes);
    List<CetsTable<String, Entry>> tables =
        cluster.startTable(nodes, n -> Entry.table(n).build(), "t");
    for (int i = 1; i < nodes.size(); i++) {
      nodes.get(0).join("t", nodes.get(i).id());
    }
    return tables;
  }

  @Test
  void aWriteIsReadableOnThePeerWhenItReturns() {
    List<CetsTable<String, Entry>> t = joinedTables("a", "b");
    t.get(0).insert(new Entry("k", "v"));
    assertThat(t.get(1).lookup("k")).containsExactly(new Entry("k", "v"));
  }

  @Test
  void fourNodesJoinedPairwiseThenPairToPairHoldTheUnionAndStayIdentical() {
    List<CetsNode> nodes = cluster.start("a", "b", "c", "d");
    cluster.mesh(nodes);
    List<CetsTable<String, Entry>> t = cluster.startTable(nodes, n -> Entry.table(n).build(), "t");
    for (int i = 0; i < 4; i++) {
      t.get(i).insert(new Entry("k" + i, "v" + i));
    }
    nodes.get(0).join("t", nodes.get(1).id());
    nodes.get(2).join("t", nodes.get(3).id());
    nodes.get(0).join("t", nodes.get(2).id());
    for (CetsTable<String, Entry> table : t) {
      assertThat(table.dump()).extracting(Entry::key).containsExactly("k0", "k1", "k2", "k3");
    }
    t.get(1).insert(new Entry("x", "1"));
    t.get(2).delete("k0");
    t.get(3).insertMany(List.of(new Entry("y", "2"), new Entry("z", "3")));
    t.get(0).deleteMany(List.of("k1", "k2"));
    List<Entry> expected = t.get(0).dump();
    for (CetsTable<String, Entry> table : t) {
      table.pingAll();
    }
    for (CetsTable<String, Entry> table : t) {
      assertThat(table.dump()).isEqualTo(expected);
    }
    assertThat(expected).extracting(Entry::key).containsExactly("k3", "x", "y", "z");
  }

  @Test
  void otherNodesListsThePeersSorted() {
    List<CetsTable<String, Entry>> t = joinedTables("d", "b", "a", "c");
    assertThat(t.get(0).otherNodes()).extracting(n -> n.name()).containsExactly("a", "b", "c");
    assertThat(t.get(2).nodes()).extracting(n -> n.name()).containsExactly("a", "b", "c", "d");
  }

  @Test
  void bagInsertsAreReplicated() {
    List<CetsNode> nodes = cluster.start("a", "b");
    cluster.mesh(nodes);
    List<CetsTable<String, Entry>> t =
        cluster.startTable(nodes, n -> Entry.table(n).type(TableType.BAG).build(), "bag");
    nodes.get(0).join("bag", nodes.get(1).id());
    t.get(0).insert(new Entry("k", "1"));
    t.get(1).insert(new Entry("k", "2"));
    t.get(0).pingAll();
    t.get(1).pingAll();
    assertThat(t.get(0).lookup("k"))
        .containsExactlyInAnyOrder(new Entry("k", "1"), new Entry("k", "2"));
    assertThat(t.get(1).lookup("k"))
        .containsExactlyInAnyOrder(new Entry("k", "1"), new Entry("k", "2"));
  }

  @Test
  void aPendingWriteReturnsWhenThePeerDiesBeforeAcking() {
    List<CetsTable<String, Entry>> t = joinedTables("a", "b");
    cluster.network().freeze("b");
    CompletableFuture<Void> write = t.get(0).insertAsync(new Entry("k", "v"));
    assertThat(write).isNotDone();
    cluster.kill("b");
    write.join();
    assertThat(t.get(0).lookup("k")).containsExactly(new Entry("k", "v"));
    assertThat(t.get(0).otherNodes()).isEmpty();
  }

  @Test
  void aPendingWriteReturnsWhenTheLinkIsCut() {
    List<CetsTable<String, Entry>> t = joinedTables("a", "b");
    cluster.network().freeze("b");
    CompletableFuture<Void> write = t.get(0).insertAsync(new Entry("k", "v"));
    cluster.network().partition("a", "b");
    write.join();
    cluster.network().unfreeze("b");
    assertThat(t.get(1).lookup("k")).isEmpty();
  }

  @Test
  void downHandlerIsCalledAndTheSurvivorOfALeaderLossBecomesLeader() {
    List<CetsNode> nodes = cluster.start("a", "b");
    cluster.mesh(nodes);
    List<DownEvent> events = new CopyOnWriteArrayList<>();
    CetsTable<String, Entry> a =
        nodes.get(0).startTable(Entry.table("t").downHandler(events::add).build());
    nodes.get(1).startTable(Entry.table("t").build());
    nodes.get(0).join("t", nodes.get(1).id());
    // "b" sorts after "a", so b's server is the leader.
    assertThat(a.leader().node().name()).isEqualTo("b");
    cluster.kill("b");
    await().until(() -> events.size() == 1);
    assertThat(events.get(0).isLeader()).isTrue();
    assertThat(events.get(0).remote().node().name()).isEqualTo("b");
    assertThat(a.leader()).isEqualTo(a.serverId());
    assertThat(a.info().nodeDownHistory())
        .extracting(d -> d.server().node().name())
        .containsExactly("b");
  }

  @Test
  void anApplicationRemovesADeadNodesRecordsFromTheDownHandler() {
    List<CetsNode> nodes = cluster.start("a", "b");
    cluster.mesh(nodes);
    AtomicReference<CetsTable<String, Entry>> self = new AtomicReference<>();
    CetsTable<String, Entry> a =
        nodes
            .get(0)
            .startTable(
                Entry.table("t")
                    .downHandler(
                        event -> {
                          // On the server thread: read locally, delete asynchronously.
                          CetsTable<String, Entry> table = self.get();
                          String prefix = event.remote().node().name() + "/";
                          table.deleteManyAsync(
                              table.range(prefix, prefix + Character.MAX_VALUE).stream()
                                  .map(Entry::key)
                                  .toList());
                        })
                    .build());
    self.set(a);
    CetsTable<String, Entry> b = nodes.get(1).startTable(Entry.table("t").build());
    nodes.get(0).join("t", nodes.get(1).id());
    a.insert(new Entry("a/1", "x"));
    b.insertMany(List.of(new Entry("b/1", "y"), new Entry("b/2", "z")));
    assertThat(a.size()).isEqualTo(3);
    cluster.kill("b");
    await().until(() -> a.dump().equals(List.of(new Entry("a/1", "x"))));
  }

  @Test
  void writesAfterANetsplitReconnectsWithoutAJoinStayLocal() {
    List<CetsTable<String, Entry>> t = joinedTables("a", "b");
    cluster.network().partition("a", "b");
    await().until(() -> t.get(0).otherNodes().isEmpty() && t.get(1).otherNodes().isEmpty());
    cluster.network().heal("a", "b");
    cluster.connect(cluster.node("a"), cluster.node("b"));
    t.get(0).insert(new Entry("k", "a"));
    t.get(1).insert(new Entry("k", "b"));
    assertThat(t.get(0).lookup("k")).containsExactly(new Entry("k", "a"));
    assertThat(t.get(1).lookup("k")).containsExactly(new Entry("k", "b"));
  }

  @Test
  void concurrentPlainWritesOfOneKeyCanEndSwapped() {
    List<CetsTable<String, Entry>> t = joinedTables("a", "b");
    PauseToken pa = t.get(0).pause();
    PauseToken pb = t.get(1).pause();
    CompletableFuture<Void> wa = t.get(0).insertAsync(new Entry("k", "a"));
    CompletableFuture<Void> wb = t.get(1).insertAsync(new Entry("k", "b"));
    // Each applies its own write first, then the other's: the values cross.
    cluster.network().freeze("a");
    cluster.network().freeze("b");
    t.get(0).unpause(pa);
    t.get(1).unpause(pb);
    await().until(() -> t.get(0).containsKey("k") && t.get(1).containsKey("k"));
    cluster.network().unfreeze("a");
    cluster.network().unfreeze("b");
    CompletableFuture.allOf(wa, wb).join();
    assertThat(t.get(0).lookup("k")).containsExactly(new Entry("k", "b"));
    assertThat(t.get(1).lookup("k")).containsExactly(new Entry("k", "a"));
  }

  @Test
  void aPauseIsReleasedWhenItsOwnerNodeGoesDown() {
    List<CetsNode> nodes = cluster.start("a", "c");
    cluster.mesh(nodes);
    CetsTable<String, Entry> a = nodes.get(0).startTable(Entry.table("t").build());
    nodes.get(1).tableCalls().pause("t", a.serverId()).join();
    CompletableFuture<Void> write = a.insertAsync(new Entry("k", "v"));
    await().until(() -> a.info().backlogSize() == 1);
    cluster.kill("c");
    write.join();
    assertThat(a.info().pauseCount()).isZero();
  }

  @Test
  void remoteOpsWithAnotherEpochAreDroppedButAcked() {
    List<CetsTable<String, Entry>> t = joinedTables("a", "b");
    CetsNode b = cluster.node("b");
    // Give b a new epoch behind a's back (as a half-finished join would).
    long token = b.tableCalls().pause("t", t.get(1).serverId()).join();
    b.tableCalls()
        .sendDump("t", t.get(1).serverId(), token, 42L, List.of(t.get(0).serverId()), List.of())
        .join();
    t.get(0).insert(new Entry("k", "v"));
    assertThat(t.get(1).lookup("k")).isEmpty();
    assertThat(t.get(1).info().joinRef()).isEqualTo(42L);
  }

  @Test
  void serversWithDifferentEpochsDropEachOtherAfterUnpause() {
    List<CetsTable<String, Entry>> t = joinedTables("a", "b");
    CetsNode b = cluster.node("b");
    long token = b.tableCalls().pause("t", t.get(1).serverId()).join();
    b.tableCalls()
        .sendDump("t", t.get(1).serverId(), token, 42L, List.of(t.get(0).serverId()), List.of())
        .join();
    b.tableCalls().unpause("t", t.get(1).serverId(), token).join();
    await().until(() -> t.get(1).otherNodes().isEmpty());
    assertThat(t.get(1).info().nodeDownHistory()).isNotEmpty();
  }

  @Test
  void aDumpIsIgnoredOnceTheJoinsPauseWasReleased() {
    CetsNode a = cluster.start("a");
    CetsTable<String, Entry> t = a.startTable(Entry.table("t").build());
    long token = a.tableCalls().pause("t", t.serverId()).join();
    a.tableCalls().unpause("t", t.serverId(), token).join();
    t.pause();
    assertThat(
            a.tableCalls()
                .sendDump(
                    "t",
                    t.serverId(),
                    token,
                    1L,
                    List.of(),
                    List.of(Entry.CODEC.encode(new Entry("k", "v"))))
                .handle((ok, e) -> e == null ? "ok" : e.getMessage())
                .join())
        .contains("ignored");
    assertThat(t.lookup("k")).isEmpty();
  }
}
