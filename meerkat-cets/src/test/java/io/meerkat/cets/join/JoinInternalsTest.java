package io.meerkat.cets.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meerkat.cets.CetsNode;
import io.meerkat.cets.CetsTable;
import io.meerkat.cets.Entry;
import io.meerkat.cets.TestCluster;
import io.meerkat.cets.rpc.WireWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JoinInternalsTest {

  private final TestCluster cluster = new TestCluster();

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void aPauseHolderReleasesItsPausesWhenTheCoordinatorGoesDown() {
    List<CetsNode> n = cluster.start("a", "b", "coordinator");
    cluster.mesh(n);
    CetsTable<String, Entry> a = n.get(0).startTable(Entry.table("t").build());
    byte[] request =
        PauseHolder.holdRequest(1L, List.of(new PauseHolder.Target("t", a.serverId())));
    n.get(2).messenger().call(n.get(1).id(), PauseHolder.HOLD, request).join();
    assertThat(a.info().pauseCount()).isEqualTo(1);
    CompletableFuture<Void> write = a.insertAsync(new Entry("k", "v"));
    cluster.kill("coordinator");
    write.join();
    await().until(() -> a.info().pauseCount() == 0);
  }

  @Test
  void aPauseHolderReleasesItsPausesWhenTheJoinEnds() {
    List<CetsNode> n = cluster.start("a", "b");
    cluster.mesh(n);
    CetsTable<String, Entry> a = n.get(0).startTable(Entry.table("t").build());
    byte[] request =
        PauseHolder.holdRequest(7L, List.of(new PauseHolder.Target("t", a.serverId())));
    n.get(0).messenger().call(n.get(1).id(), PauseHolder.HOLD, request).join();
    assertThat(a.info().pauseCount()).isEqualTo(1);
    n.get(0)
        .messenger()
        .call(n.get(1).id(), PauseHolder.RELEASE, new WireWriter().writeLong(7L).toByteArray())
        .join();
    assertThat(a.info().pauseCount()).isZero();
  }

  @Test
  void theClusterLockMakesASecondHolderWaitUntilTheFirstReleases() {
    List<CetsNode> n = cluster.start("a", "b");
    cluster.mesh(n);
    ClusterLock.Lease first = n.get(0).clusterLock().acquire("lock");
    CompletableFuture<ClusterLock.Lease> second =
        CompletableFuture.supplyAsync(() -> n.get(1).clusterLock().acquire("lock"));
    assertThat(second).isNotDone();
    first.close();
    second.join().close();
  }

  @Test
  void aLockHeldByANodeThatWentDownIsFreed() {
    List<CetsNode> n = cluster.start("a", "b");
    cluster.mesh(n);
    n.get(0).clusterLock().acquire("lock");
    CompletableFuture<ClusterLock.Lease> waiting =
        CompletableFuture.supplyAsync(() -> n.get(1).clusterLock().acquire("lock"));
    cluster.kill("a");
    waiting.join().close();
  }

  @Test
  void twoIdenticalJoinsWaitingForTheLockLeaveOneClusterWithoutAnError() {
    List<CetsNode> n = cluster.start("a", "b");
    cluster.mesh(n);
    List<CetsTable<String, Entry>> t = cluster.startTable(n, x -> Entry.table(x).build(), "t");
    ClusterLock.Lease held = n.get(0).clusterLock().acquire(CetsNode.DISCOVERY_LOCK);
    CompletableFuture<Void> first =
        CompletableFuture.runAsync(() -> n.get(0).join("t", n.get(1).id()));
    CompletableFuture<Void> second =
        CompletableFuture.runAsync(() -> n.get(1).join("t", n.get(0).id()));
    held.close();
    // Whichever runs second finds one cluster: quietly (under the lock) or already_joined (before).
    for (CompletableFuture<Void> join : List.of(first, second)) {
      Throwable error = join.handle((ok, e) -> e).join();
      if (error != null) {
        assertThat(error.getCause()).hasMessageContaining("already_joined");
      }
    }
    assertThat(t.get(0).nodes()).hasSize(2);
  }
}
