package io.meerkat.cets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JoinTest {

  private final TestCluster cluster = new TestCluster();

  @AfterEach
  void stop() {
    cluster.close();
  }

  private static String reasonOf(Runnable action) {
    try {
      action.run();
      return "ok";
    } catch (CetsException e) {
      return e.reason();
    }
  }

  @Test
  void joinCopiesExistingDataBothWays() {
    List<CetsNode> n = cluster.start("a", "b");
    cluster.mesh(n);
    List<CetsTable<String, Entry>> t = cluster.startTable(n, x -> Entry.table(x).build(), "t");
    t.get(0).insert(new Entry("a", "1"));
    t.get(1).insert(new Entry("b", "2"));
    n.get(0).join("t", n.get(1).id());
    for (CetsTable<String, Entry> table : t) {
      assertThat(table.dump()).containsExactly(new Entry("a", "1"), new Entry("b", "2"));
      assertThat(table.info().pauseCount()).isZero();
    }
  }

  @Test
  void joinHandlerOfEachSideIsToldOfTheRecordsTheOtherSideBrought() {
    List<CetsNode> n = cluster.start("a", "b");
    cluster.mesh(n);
    List<CompletableFuture<List<Entry>>> received =
        List.of(new CompletableFuture<>(), new CompletableFuture<>());
    List<CetsTable<String, Entry>> t = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      CompletableFuture<List<Entry>> mine = received.get(i);
      t.add(n.get(i).startTable(Entry.table("t").joinHandler(mine::complete).build()));
    }
    t.get(0).insert(new Entry("a", "1"));
    t.get(1).insert(new Entry("b", "2"));
    n.get(0).join("t", n.get(1).id());
    assertThat(received.get(0).join()).containsExactly(new Entry("b", "2"));
    assertThat(received.get(1).join()).containsExactly(new Entry("a", "1"));
  }

  @Test
  void conflictingValuesSwapWithoutAConflictHandler() {
    List<CetsNode> n = cluster.start("a", "b");
    cluster.mesh(n);
    List<CetsTable<String, Entry>> t = cluster.startTable(n, x -> Entry.table(x).build(), "t");
    t.get(0).insert(new Entry("k", "a"));
    t.get(1).insert(new Entry("k", "b"));
    n.get(0).join("t", n.get(1).id());
    assertThat(t.get(0).lookup("k")).containsExactly(new Entry("k", "b"));
    assertThat(t.get(1).lookup("k")).containsExactly(new Entry("k", "a"));
  }

  @Test
  void conflictHandlerGivesBothSidesTheSameValueForEveryKey() {
    List<CetsNode> n = cluster.start("a", "b", "c");
    cluster.mesh(n);
    List<CetsTable<String, Entry>> t =
        cluster.startTable(n, x -> Entry.table(x).conflictHandler(Entry::max).build(), "t");
    t.get(0).insertMany(List.of(new Entry("shared", "1"), new Entry("onlyA", "a")));
    t.get(1).insertMany(List.of(new Entry("shared", "3"), new Entry("onlyB", "b")));
    t.get(2).insertMany(List.of(new Entry("shared", "2"), new Entry("onlyC", "c")));
    n.get(0).join("t", n.get(1).id());
    n.get(2).join("t", n.get(0).id());
    List<Entry> expected =
        List.of(
            new Entry("onlyA", "a"),
            new Entry("onlyB", "b"),
            new Entry("onlyC", "c"),
            new Entry("shared", "3"));
    for (CetsTable<String, Entry> table : t) {
      assertThat(table.dump()).isEqualTo(expected);
    }
  }

  @Test
  void bagsEndWithTheUnion() {
    List<CetsNode> n = cluster.start("a", "b");
    cluster.mesh(n);
    List<CetsTable<String, Entry>> t =
        cluster.startTable(n, x -> Entry.table(x).type(TableType.BAG).build(), "t");
    t.get(0).insert(new Entry("k", "a"));
    t.get(1).insertMany(List.of(new Entry("k", "b"), new Entry("k", "a")));
    n.get(0).join("t", n.get(1).id());
    for (CetsTable<String, Entry> table : t) {
      assertThat(table.lookup("k"))
          .containsExactlyInAnyOrder(new Entry("k", "a"), new Entry("k", "b"));
    }
  }

  @Test
  void joinedServersShareANewJoinRef() {
    List<CetsNode> n = cluster.start("a", "b");
    cluster.mesh(n);
    List<CetsTable<String, Entry>> t = cluster.startTable(n, x -> Entry.table(x).build(), "t");
    long before = t.get(0).info().joinRef();
    n.get(0).join("t", n.get(1).id());
    assertThat(t.get(0).info().joinRef()).isEqualTo(t.get(1).info().joinRef()).isNotEqualTo(before);
  }

  @Test
  void joiningWithItselfFailsAndLeavesTheTableIntact() {
    CetsNode a = cluster.start("a");
    CetsTable<String, Entry> t = a.startTable(Entry.table("t").build());
    t.insert(new Entry("k", "v"));
    assertThat(reasonOf(() -> a.join("t", a.id()))).isEqualTo("join_with_the_same_server");
    assertThat(t.dump()).containsExactly(new Entry("k", "v"));
  }

  @Test
  void joiningAnAlreadyJoinedNodeIsReportedAndChangesNothing() {
    List<CetsNode> n = cluster.start("a", "b");
    cluster.mesh(n);
    List<CetsTable<String, Entry>> t = cluster.startTable(n, x -> Entry.table(x).build(), "t");
    n.get(0).join("t", n.get(1).id());
    long ref = t.get(0).info().joinRef();
    assertThat(reasonOf(() -> n.get(1).join("t", n.get(0).id()))).isEqualTo("already_joined");
    assertThat(t.get(1).info().joinRef()).isEqualTo(ref);
  }

  @Test
  void joinFailsWhenTheRemoteNodeHasNoSuchTable() {
    List<CetsNode> n = cluster.start("a", "b");
    cluster.mesh(n);
    n.get(0).startTable(Entry.table("t").build());
    assertThat(reasonOf(() -> n.get(0).join("t", n.get(1).id()))).isEqualTo("noproc");
  }

  @Test
  void joinFailsWhenANewNodeCannotReachEveryMember() {
    List<CetsNode> n = cluster.start("a", "b", "c");
    cluster.connect(n.get(0), n.get(1));
    cluster.connect(n.get(2), n.get(0));
    List<CetsTable<String, Entry>> t = cluster.startTable(n, x -> Entry.table(x).build(), "t");
    n.get(0).join("t", n.get(1).id());
    assertThat(reasonOf(() -> n.get(2).join("t", n.get(0).id())))
        .isEqualTo("check_could_reach_each_other_failed");
    assertThat(reasonOf(() -> n.get(0).join("t", n.get(2).id())))
        .isEqualTo("check_could_reach_each_other_failed");
    assertThat(t.get(0).otherNodes()).containsExactly(n.get(1).id());
    assertThat(t.get(2).otherNodes()).isEmpty();
  }

  @Test
  void joinFailsWhenTheMemberSetsOverlap() {
    List<CetsNode> n = cluster.start("a", "b", "c");
    cluster.mesh(n);
    List<CetsTable<String, Entry>> t = cluster.startTable(n, x -> Entry.table(x).build(), "t");
    // a and c each believe b is theirs: an inconsistent state only a broken join leaves.
    for (int i : new int[] {0, 2}) {
      CetsNode node = n.get(i);
      long token = node.tableCalls().pause("t", t.get(i).serverId()).join();
      node.tableCalls()
          .sendDump("t", t.get(i).serverId(), token, 7L, List.of(t.get(1).serverId()), List.of())
          .join();
      // Stays paused: an unpause would check epochs and b would disown the server.
    }
    assertThat(reasonOf(() -> n.get(0).join("t", n.get(2).id())))
        .isEqualTo("check_do_not_overlap_failed");
  }

  @Test
  void joinFailsWhenOneSideIsNotFullyMeshed() {
    List<CetsNode> n = cluster.start("a", "b", "c");
    cluster.mesh(n);
    List<CetsTable<String, Entry>> t = cluster.startTable(n, x -> Entry.table(x).build(), "t");
    // a lists b, but b does not list a.
    CetsNode a = n.get(0);
    long token = a.tableCalls().pause("t", t.get(0).serverId()).join();
    a.tableCalls()
        .sendDump(
            "t",
            t.get(0).serverId(),
            token,
            t.get(0).info().joinRef(),
            List.of(t.get(1).serverId()),
            List.of())
        .join();
    assertThat(reasonOf(() -> n.get(2).join("t", n.get(0).id())))
        .isEqualTo("check_fully_connected_failed");
  }

  @Test
  void anEighthNodeJoinsASevenNodeCluster() {
    List<CetsNode> n = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      n.add(cluster.start("n" + i));
    }
    cluster.mesh(n);
    List<CetsTable<String, Entry>> t = cluster.startTable(n, x -> Entry.table(x).build(), "t");
    for (int i = 0; i < 8; i++) {
      t.get(i).insert(new Entry("k" + i, "v"));
    }
    for (int i = 1; i < 7; i++) {
      n.get(i).join("t", n.get(0).id());
    }
    n.get(7).join("t", n.get(3).id());
    for (CetsTable<String, Entry> table : t) {
      assertThat(table.size()).isEqualTo(8);
      assertThat(table.nodes()).hasSize(8);
    }
  }

  @Test
  void concurrentJoinsOfManyNodesAllSucceedUnderTheClusterLock() {
    List<CetsNode> n = cluster.start("a", "b", "c", "d", "e");
    cluster.mesh(n);
    List<CetsTable<String, Entry>> t = cluster.startTable(n, x -> Entry.table(x).build(), "t");
    List<CompletableFuture<String>> joins = new ArrayList<>();
    for (int i = 1; i < 5; i++) {
      CetsNode node = n.get(i);
      joins.add(CompletableFuture.supplyAsync(() -> reasonOf(() -> node.join("t", n.get(0).id()))));
    }
    joins.forEach(CompletableFuture::join);
    // Some joins may find the cluster already merged or mid-change; a retry settles them.
    for (int i = 1; i < 5; i++) {
      if (t.get(i).nodes().size() < 5) {
        n.get(i).join("t", n.get(0).id());
      }
    }
    for (CetsTable<String, Entry> table : t) {
      assertThat(table.nodes()).hasSize(5);
    }
  }
}
