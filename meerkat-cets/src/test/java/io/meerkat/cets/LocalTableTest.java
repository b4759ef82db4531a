package io.meerkat.cets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalTableTest {

  private final TestCluster cluster = new TestCluster();
  private final CetsNode node = cluster.start("a");

  @AfterEach
  void stop() {
    cluster.close();
  }

  private CetsTable<String, Entry> table(String name) {
    return node.startTable(Entry.table(name).build());
  }

  @Test
  void insertedRecordsCanBeReadBack() {
    CetsTable<String, Entry> t = table("t");
    t.insert(new Entry("k", "v"));
    assertThat(t.lookup("k")).containsExactly(new Entry("k", "v"));
    assertThat(t.get("k")).contains(new Entry("k", "v"));
    assertThat(t.get("missing")).isEmpty();
  }

  @Test
  void insertManyStoresAllRecordsInKeyOrder() {
    CetsTable<String, Entry> t = table("t");
    t.insertMany(List.of(new Entry("b", "2"), new Entry("a", "1")));
    assertThat(t.dump()).containsExactly(new Entry("a", "1"), new Entry("b", "2"));
  }

  @Test
  void insertOverwritesTheRecordOfTheSameKey() {
    CetsTable<String, Entry> t = table("t");
    t.insert(new Entry("k", "1"));
    t.insert(new Entry("k", "2"));
    assertThat(t.dump()).containsExactly(new Entry("k", "2"));
  }

  @Test
  void deleteAndDeleteManyRemoveKeys() {
    CetsTable<String, Entry> t = table("t");
    t.insertMany(List.of(new Entry("a", "1"), new Entry("b", "2"), new Entry("c", "3")));
    t.delete("a");
    assertThat(t.dump()).extracting(Entry::key).containsExactly("b", "c");
    t.deleteMany(List.of("b", "c", "absent"));
    assertThat(t.dump()).isEmpty();
  }

  @Test
  void deleteObjectRemovesOnlyTheExactRecord() {
    CetsTable<String, Entry> t = table("t");
    t.insert(new Entry("k", "mine"));
    t.deleteObject(new Entry("k", "theirs"));
    assertThat(t.lookup("k")).containsExactly(new Entry("k", "mine"));
    t.deleteObject(new Entry("k", "mine"));
    assertThat(t.lookup("k")).isEmpty();
  }

  @Test
  void rangeScansReturnKeysWithAPrefixInOrder() {
    CetsTable<String, Entry> t = table("t");
    t.insertMany(
        List.of(
            new Entry("alice/1", "x"),
            new Entry("bob/2", "y"),
            new Entry("bob/1", "z"),
            new Entry("carol/1", "w")));
    assertThat(t.range("bob/", "bob0")).extracting(Entry::key).containsExactly("bob/1", "bob/2");
    assertThat(t.range(null, "b")).extracting(Entry::key).containsExactly("alice/1");
  }

  @Test
  void keyCanBeAnyFieldOfTheRecord() {
    CetsTable<String, Entry> t =
        node.startTable(
            TableOptions.builder("byValue", Entry::value, Entry.CODEC, Codec.utf8()).build());
    t.insert(new Entry("z", "a"));
    t.insert(new Entry("a", "b"));
    assertThat(t.lookup("a")).containsExactly(new Entry("z", "a"));
    assertThat(t.dump()).containsExactly(new Entry("z", "a"), new Entry("a", "b"));
  }

  @Test
  void asyncWritesCompleteTheirFutures() {
    CetsTable<String, Entry> t = table("t");
    CompletableFuture<Void> first = t.insertManyAsync(List.of(new Entry("a", "1")));
    CompletableFuture<Void> second = t.deleteAsync("a");
    CompletableFuture.allOf(first, second).join();
    assertThat(t.dump()).isEmpty();
  }

  @Test
  void bagKeepsDistinctRecordsPerKeyAndStoresDuplicatesOnce() {
    CetsTable<String, Entry> t = node.startTable(Entry.table("bag").type(TableType.BAG).build());
    t.insert(new Entry("k", "1"));
    t.insert(new Entry("k", "1"));
    t.insert(new Entry("k", "2"));
    assertThat(t.lookup("k")).containsExactlyInAnyOrder(new Entry("k", "1"), new Entry("k", "2"));
    assertThat(t.size()).isEqualTo(2);
    t.deleteObject(new Entry("k", "1"));
    assertThat(t.lookup("k")).containsExactly(new Entry("k", "2"));
    t.deleteObjects(List.of(new Entry("k", "absent"), new Entry("k", "2")));
    assertThat(t.lookup("k")).isEmpty();
  }

  @Test
  void bagWithConflictHandlerIsRejectedAtStart() {
    assertThatThrownBy(
            () -> Entry.table("bag").type(TableType.BAG).conflictHandler(Entry::max).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bag_with_conflict_handler");
  }

  @Test
  void infoDescribesTheServer() {
    CetsTable<String, Entry> t = table("t");
    t.insert(new Entry("k", "v"));
    TableInfo info = t.info();
    assertThat(info.table()).isEqualTo("t");
    assertThat(info.nodes()).containsExactly(node.id());
    assertThat(info.otherServers()).isEmpty();
    assertThat(info.size()).isEqualTo(1);
    assertThat(info.memoryBytes()).isPositive();
    assertThat(info.leader()).isEqualTo(t.serverId());
    assertThat(info.pauseCount()).isZero();
  }

  @Test
  void pingAllWithoutPeersSucceeds() {
    assertThat(table("t").pingAll()).isEmpty();
  }

  @Test
  void writesWaitWhilePausedAndApplyInOrderAfterUnpause() {
    CetsTable<String, Entry> t = table("t");
    PauseToken token = t.pause();
    CompletableFuture<Void> a = t.insertAsync(new Entry("k", "1"));
    CompletableFuture<Void> b = t.insertAsync(new Entry("k", "2"));
    CompletableFuture<Void> c = t.deleteAsync("other");
    await().until(() -> t.info().backlogSize() == 3);
    assertThat(t.dump()).isEmpty();
    assertThat(a).isNotDone();
    t.unpause(token);
    CompletableFuture.allOf(a, b, c).join();
    assertThat(t.dump()).containsExactly(new Entry("k", "2"));
  }

  @Test
  void writesWaitUntilEveryPauseIsReleased() {
    CetsTable<String, Entry> t = table("t");
    PauseToken first = t.pause();
    PauseToken second = t.pause();
    CompletableFuture<Void> write = t.insertAsync(new Entry("k", "1"));
    t.unpause(first);
    t.ping();
    assertThat(write).isNotDone();
    t.unpause(second);
    write.join();
    assertThat(t.info().pauseCount()).isZero();
  }

  @Test
  void unpausingTwiceWithTheSameTokenFails() {
    CetsTable<String, Entry> t = table("t");
    PauseToken token = t.pause();
    t.unpause(token);
    assertThatThrownBy(() -> t.unpause(token))
        .isInstanceOf(CetsException.class)
        .extracting(e -> ((CetsException) e).reason())
        .isEqualTo("unknown_pause_monitor");
  }

  @Test
  void leaderOpsOnASingleNodeUseTheLocalServer() {
    CetsTable<String, Entry> t = table("t");
    assertThat(t.insertNew(new Entry("k", "1"))).isTrue();
    assertThat(t.insertNew(new Entry("k", "2"))).isFalse();
    assertThat(t.insertNewOrLookup(new Entry("k", "3")))
        .isEqualTo(new InsertNewResult<>(false, List.of(new Entry("k", "1"))));
    t.insertSerial(new Entry("k", "4"));
    assertThat(t.lookup("k")).containsExactly(new Entry("k", "4"));
  }

  @Test
  void startingATableTwiceOnOneNodeIsRefused() {
    table("t");
    assertThatThrownBy(() -> table("t"))
        .isInstanceOf(CetsException.class)
        .hasMessageContaining("already_started");
  }

  @Test
  void writesToAStoppedTableFailWithNoproc() {
    CetsTable<String, Entry> t = table("t");
    node.stopTable("t");
    await()
        .untilAsserted(
            () ->
                assertThatThrownBy(() -> t.insert(new Entry("k", "v")))
                    .isInstanceOf(CetsException.class)
                    .extracting(e -> ((CetsException) e).reason())
                    .isEqualTo("noproc"));
  }
}
