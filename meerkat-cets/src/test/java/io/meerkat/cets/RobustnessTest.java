package io.meerkat.cets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.meerkat.cets.rpc.RemoteCallException;
import io.meerkat.cets.rpc.WireWriter;
import io.meerkat.cets.transport.Channel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RobustnessTest {

  private final TestCluster cluster = new TestCluster();

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void garbageAndUnknownMessagesAreIgnoredAndTheTableKeepsWorking() {
    List<CetsNode> n = cluster.start("a", "b");
    cluster.mesh(n);
    List<CetsTable<String, Entry>> t = cluster.startTable(n, x -> Entry.table(x).build(), "t");
    n.get(0).join("t", n.get(1).id());
    n.get(0).transport().send(n.get(1).id(), Channel.REPLICATION, new byte[] {1, 2, 3});
    n.get(0).transport().send(n.get(1).id(), Channel.REPLICATION, new byte[] {42});
    n.get(0).messenger().cast(n.get(1).id(), "no.such.service", new byte[0]);
    // An ack and a down for a server that is not a peer, and a truncated op.
    n.get(0)
        .messenger()
        .cast(n.get(1).id(), "cets.ack", new WireWriter().writeString("t").toByteArray());
    n.get(0).messenger().cast(n.get(1).id(), "cets.op", new byte[] {0, 0, 0, 1});
    t.get(0).insert(new Entry("k", "v"));
    assertThat(t.get(1).lookup("k")).containsExactly(new Entry("k", "v"));
  }

  @Test
  void aCallToAnUnknownServiceFailsWithAnError() {
    List<CetsNode> n = cluster.start("a", "b");
    cluster.mesh(n);
    assertThatThrownBy(
            () -> n.get(0).messenger().call(n.get(1).id(), "no.such", new byte[0]).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(RemoteCallException.class)
        .hasMessageContaining("unknown_service");
  }

  @Test
  void aFailingDownHandlerIsLoggedAndTheServerKeepsWorking() {
    List<CetsNode> n = cluster.start("a", "b");
    cluster.mesh(n);
    CetsTable<String, Entry> a =
        n.get(0)
            .startTable(
                Entry.table("t")
                    .downHandler(
                        event -> {
                          throw new IllegalStateException("boom");
                        })
                    .build());
    n.get(1).startTable(Entry.table("t").build());
    n.get(0).join("t", n.get(1).id());
    cluster.kill("b");
    await().until(() -> a.otherNodes().isEmpty());
    a.insert(new Entry("k", "v"));
    assertThat(a.lookup("k")).hasSize(1);
  }

  @Test
  void aDumpNamingAnExistingPeerAddsItsRecordsWithoutDuplicatingThePeer() {
    List<CetsNode> n = cluster.start("a", "b");
    cluster.mesh(n);
    List<CetsTable<String, Entry>> t = cluster.startTable(n, x -> Entry.table(x).build(), "t");
    n.get(0).join("t", n.get(1).id());
    CetsNode a = n.get(0);
    long token = a.tableCalls().pause("t", t.get(0).serverId()).join();
    a.tableCalls()
        .sendDump(
            "t",
            t.get(0).serverId(),
            token,
            t.get(0).info().joinRef(),
            List.of(t.get(1).serverId(), t.get(0).serverId()),
            List.of(Entry.CODEC.encode(new Entry("k", "v"))))
        .join();
    a.tableCalls().unpause("t", t.get(0).serverId(), token).join();
    assertThat(t.get(0).info().otherServers()).containsExactly(t.get(1).serverId());
    assertThat(t.get(0).lookup("k")).hasSize(1);
  }

  @Test
  void pingAllReportsAPeerThatCannotAnswer() {
    List<CetsNode> n = cluster.start("a", "b");
    cluster.mesh(n);
    List<CetsTable<String, Entry>> t = cluster.startTable(n, x -> Entry.table(x).build(), "t");
    n.get(0).join("t", n.get(1).id());
    cluster.network().freeze("b");
    CompletableFuture<Void> ping = n.get(0).tableCalls().pingAll("t", t.get(0).serverId());
    // Once a later call is answered, pingAll has run: its ping waits at the frozen node.
    t.get(0).ping();
    assertThat(ping).isNotDone();
    cluster.network().partition("a", "b");
    assertThat(ping.handle((ok, e) -> e).join()).hasMessageContaining("ping_all_failed");
  }
}
