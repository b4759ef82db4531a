package io.meerkat.cets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LeaderOpsTest {

  private final TestCluster cluster =
      new TestCluster(new CetsNodeOptions(List.of(10L, 50L, 100L, 500L, 1000L, 2000L)));
  private final List<String> wrongLeaderCalls = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    cluster.close();
  }

  private List<CetsTable<String, Entry>> joined(String... names) {
    List<CetsNode> nodes = cluster.start(names);
    cluster.mesh(nodes);
    List<CetsTable<String, Entry>> tables =
        cluster.startTable(
            nodes, n -> Entry.table(n).wrongLeaderHandler(wrongLeaderCalls::add).build(), "t");
    for (int i = 1; i < nodes.size(); i++) {
      nodes.get(0).join("t", nodes.get(i).id());
    }
    return tables;
  }

  @Test
  void insertNewSucceedsOnceForAKeyWhicheverNodeAsks() {
    List<CetsTable<String, Entry>> t = joined("a", "b");
    assertThat(t.get(0).insertNew(new Entry("k", "1"))).isTrue();
    assertThat(t.get(0).insertNew(new Entry("k", "1"))).isFalse();
    assertThat(t.get(1).insertNew(new Entry("k", "2"))).isFalse();
    assertThat(t.get(1).lookup("k")).containsExactly(new Entry("k", "1"));
  }

  @Test
  void insertNewOrLookupReturnsTheLeadersRecordWhenTheKeyExists() {
    List<CetsTable<String, Entry>> t = joined("a", "b");
    assertThat(t.get(0).insertNewOrLookup(new Entry("k", "1")))
        .isEqualTo(new InsertNewResult<>(true, List.of(new Entry("k", "1"))));
    assertThat(t.get(1).insertNewOrLookup(new Entry("k", "2")))
        .isEqualTo(new InsertNewResult<>(false, List.of(new Entry("k", "1"))));
  }

  @Test
  void insertNewChecksOnlyTheLeadersCopyAndReplicasKeepTheirOwnValue() {
    List<CetsTable<String, Entry>> t = joined("a", "b");
    CetsTable<String, Entry> replica = t.get(0);
    CetsTable<String, Entry> leader = t.get(1);
    assertThat(leader.leader()).isEqualTo(leader.serverId());
    // Make the replica inconsistent: a dump under the current epoch writes locally only.
    CetsNode a = cluster.node("a");
    long token = a.tableCalls().pause("t", replica.serverId()).join();
    a.tableCalls()
        .sendDump(
            "t",
            replica.serverId(),
            token,
            replica.info().joinRef(),
            List.of(leader.serverId()),
            List.of(Entry.CODEC.encode(new Entry("k", "old"))))
        .join();
    a.tableCalls().unpause("t", replica.serverId(), token).join();
    assertThat(leader.lookup("k")).isEmpty();
    assertThat(replica.insertNew(new Entry("k", "new"))).isTrue();
    assertThat(leader.lookup("k")).containsExactly(new Entry("k", "new"));
    assertThat(replica.lookup("k")).containsExactly(new Entry("k", "old"));
  }

  @Test
  void insertSerialOverwritesConsistentlyOnAllReplicas() {
    List<CetsTable<String, Entry>> t = joined("a", "b", "c");
    t.get(0).insertSerial(new Entry("k", "1"));
    t.get(2).insertSerial(new Entry("k", "2"));
    for (CetsTable<String, Entry> table : t) {
      table.pingAll();
    }
    for (CetsTable<String, Entry> table : t) {
      assertThat(table.lookup("k")).containsExactly(new Entry("k", "2"));
    }
  }

  @Test
  void concurrentInsertNewThroughTheLeaderLetsTheFirstWinEverywhere() {
    List<CetsTable<String, Entry>> t = joined("a", "b");
    CompletableFuture<Boolean> first =
        CompletableFuture.supplyAsync(() -> t.get(0).insertNew(new Entry("k", "a")));
    CompletableFuture<Boolean> second =
        CompletableFuture.supplyAsync(() -> t.get(1).insertNew(new Entry("k", "b")));
    assertThat(List.of(first.join(), second.join())).containsExactlyInAnyOrder(true, false);
    t.get(0).pingAll();
    t.get(1).pingAll();
    assertThat(t.get(0).lookup("k")).isEqualTo(t.get(1).lookup("k"));
  }

  @Test
  void leaderOpIsRetriedUntilTheLeaderAcceptsAgain() {
    List<CetsTable<String, Entry>> t = joined("a", "b");
    CetsTable<String, Entry> leader = t.get(1);
    leader.setLeader(false);
    CompletableFuture<Boolean> op =
        CompletableFuture.supplyAsync(() -> t.get(0).insertNew(new Entry("k", "v")));
    await().until(() -> !wrongLeaderCalls.isEmpty());
    leader.setLeader(null);
    assertThat(op.join()).isTrue();
    assertThat(t.get(0).lookup("k")).containsExactly(new Entry("k", "v"));
  }

  @Test
  void leaderOpFailsAfterTheLastRetry() {
    List<CetsTable<String, Entry>> t = joined("a", "b");
    t.get(1).setLeader(false);
    assertThatThrownBy(() -> t.get(0).insertSerial(new Entry("k", "v")))
        .isInstanceOf(CetsException.class)
        .extracting(e -> ((CetsException) e).reason())
        .isEqualTo("send_leader_op_failed");
    assertThat(wrongLeaderCalls).hasSize(7);
  }

  @Test
  void allMembersAgreeOnTheLeaderAfterAJoin() {
    List<CetsTable<String, Entry>> t = joined("c", "a", "b");
    ServerId expected = t.get(0).serverId();
    for (CetsTable<String, Entry> table : t) {
      assertThat(table.leader()).isEqualTo(expected);
      assertThat(table.info().leader()).isEqualTo(expected);
    }
  }

  @Test
  void insertNewFailsWhenTheLeaderDiesDuringTheCall() {
    List<CetsTable<String, Entry>> t = joined("a", "b");
    PauseToken paused = t.get(1).pause();
    CompletableFuture<Boolean> op =
        CompletableFuture.supplyAsync(() -> t.get(0).insertNew(new Entry("k", "v")));
    await().until(() -> t.get(1).info().backlogSize() == 1);
    assertThat(paused).isNotNull();
    cluster.kill("b");
    assertThat(op.handle((ok, e) -> e).join()).isNotNull().hasCauseInstanceOf(CetsException.class);
  }

  @Test
  void aBackloggedLeaderOpIsRetriedOnTheNewLeaderAfterAJoin() {
    List<CetsNode> nodes = cluster.start("a", "b", "c");
    cluster.mesh(nodes);
    List<CetsTable<String, Entry>> t = cluster.startTable(nodes, n -> Entry.table(n).build(), "t");
    nodes.get(0).join("t", nodes.get(1).id());
    // b leads {a, b}; hold b's queue so the op is answered only once c (greater) has joined.
    PauseToken token = t.get(1).pause();
    CompletableFuture<Boolean> op =
        CompletableFuture.supplyAsync(() -> t.get(0).insertNew(new Entry("k", "v")));
    await().until(() -> t.get(1).info().backlogSize() == 1);
    nodes.get(2).join("t", nodes.get(0).id());
    assertThat(op).isNotDone();
    t.get(1).unpause(token);
    assertThat(op.join()).isTrue();
    for (CetsTable<String, Entry> table : t) {
      table.pingAll();
    }
    for (CetsTable<String, Entry> table : t) {
      assertThat(table.lookup("k")).containsExactly(new Entry("k", "v"));
    }
  }
}
