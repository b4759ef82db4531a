package io.meerkat.cets.transport.netty;

import static io.meerkat.cets.transport.RecordingHandler.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.meerkat.cets.transport.Channel;
import io.meerkat.cets.transport.NodeId;
import io.meerkat.cets.transport.RecordingHandler;
import io.meerkat.cets.transport.RecordingListener;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real links on 127.0.0.1: meshes, ordering, one link per pair, authentication, restarts. */
class NettyLinkTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final TestTransports transports = new TestTransports();

  @AfterEach
  void closeTransports() {
    transports.close();
  }

  private static NodeId connect(NettyClusterTransport from, NettyClusterTransport to)
      throws Exception {
    return from.connect(to.publishedAddress()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void threeNodesFormAFullMeshAndEachReachesTheOthers() throws Exception {
    List<NettyClusterTransport> nodes =
        List.of(transports.start("n1"), transports.start("n2"), transports.start("n3"));
    List<RecordingHandler> inboxes =
        List.of(new RecordingHandler(), new RecordingHandler(), new RecordingHandler());
    for (int i = 0; i < 3; i++) {
      nodes.get(i).setHandler(Channel.APPLICATION, inboxes.get(i).on(Channel.APPLICATION));
    }
    connect(nodes.get(0), nodes.get(1));
    connect(nodes.get(1), nodes.get(2));
    connect(nodes.get(2), nodes.get(0));
    await().atMost(WAIT).until(() -> nodes.stream().allMatch(n -> n.connectedNodes().size() == 2));

    for (NettyClusterTransport from : nodes) {
      for (NodeId to : from.connectedNodes()) {
        assertThat(from.send(to, Channel.APPLICATION, bytes("hi " + to.name()))).isTrue();
      }
    }

    await().atMost(WAIT).until(() -> inboxes.stream().allMatch(inbox -> inbox.count() == 2));
    assertThat(inboxes.get(0).received())
        .containsExactlyInAnyOrder("n2:APPLICATION:hi n1", "n3:APPLICATION:hi n1");
    assertThat(inboxes.get(2).received())
        .containsExactlyInAnyOrder("n1:APPLICATION:hi n3", "n2:APPLICATION:hi n3");
  }

  @Test
  void hundredThousandMessagesArriveComplete_andInTheOrderSent() throws Exception {
    NettyClusterTransport a = transports.start("a");
    NettyClusterTransport b = transports.start("b");
    AtomicInteger next = new AtomicInteger();
    AtomicReference<String> firstGap = new AtomicReference<>();
    b.setHandler(
        Channel.REPLICATION,
        (from, payload) -> {
          int expected = next.getAndIncrement();
          String text = RecordingHandler.text(payload);
          if (!text.equals(Integer.toString(expected))) {
            firstGap.compareAndSet(null, "expected " + expected + " got " + text);
          }
        });
    connect(a, b);

    int total = 100_000;
    for (int i = 0; i < total; i++) {
      assertThat(a.send(b.localNode(), Channel.REPLICATION, bytes(Integer.toString(i)))).isTrue();
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> next.get() == total);
    assertThat(firstGap.get()).isNull();
  }

  @Test
  void concurrentConnectsFromBothSidesConvergeOnExactlyOneLink() throws Exception {
    for (int round = 0; round < 20; round++) {
      NettyClusterTransport a = transports.start("a" + round);
      NettyClusterTransport b = transports.start("b" + round);
      RecordingListener onA = new RecordingListener();
      RecordingListener onB = new RecordingListener();
      a.addListener(onA);
      b.addListener(onB);

      CompletableFuture<NodeId> fromA = a.connect(b.publishedAddress());
      CompletableFuture<NodeId> fromB = b.connect(a.publishedAddress());
      CompletableFuture<NodeId> againFromA = a.connect(b.publishedAddress());

      assertThat(fromA.get(10, TimeUnit.SECONDS)).isEqualTo(b.localNode());
      assertThat(fromB.get(10, TimeUnit.SECONDS)).isEqualTo(a.localNode());
      assertThat(againFromA.get(10, TimeUnit.SECONDS)).isEqualTo(b.localNode());
      await().atMost(WAIT).until(() -> a.connectedNodes().size() == 1);
      await().atMost(WAIT).until(() -> b.connectedNodes().size() == 1);
      assertThat(onA.events()).containsExactly("up " + b.localNode());
      assertThat(onB.events()).containsExactly("up " + a.localNode());
      RecordingHandler inbox = new RecordingHandler();
      b.setHandler(Channel.APPLICATION, inbox.on(Channel.APPLICATION));
      assertThat(a.send(b.localNode(), Channel.APPLICATION, bytes("one link"))).isTrue();
      await().atMost(WAIT).until(() -> inbox.count() == 1);
      transports.close();
    }
  }

  @Test
  void aNodeWithAWrongSecretIsRefused_andTheRightSecretStillWorksAfterwards() throws Exception {
    NettyClusterTransport a = transports.start("a");
    NettyClusterTransport intruder =
        NettyClusterTransport.start(
            TransportSettings.builder("intruder", "not-the-secret")
                .listenAddress(new java.net.InetSocketAddress("127.0.0.1", 0))
                .build());
    try {
      RecordingListener onA = new RecordingListener();
      a.addListener(onA);

      assertThatThrownBy(() -> intruder.connect(a.publishedAddress()).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasMessageContaining("authentication failed");
      assertThatThrownBy(() -> a.connect(intruder.publishedAddress()).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class);
      assertThat(a.connectedNodes()).isEmpty();
      assertThat(intruder.connectedNodes()).isEmpty();
      assertThat(onA.events()).isEmpty();
    } finally {
      intruder.close();
    }

    NettyClusterTransport b = transports.start("b");
    assertThat(connect(b, a)).isEqualTo(a.localNode());
  }

  @Test
  void aFrozenPeerIsReportedDownByHeartbeatTimeoutAlthoughItsSocketStaysOpen() throws Exception {
    NettyClusterTransport a =
        transports.start(
            "a",
            s -> s.heartbeat(Duration.ofMillis(200), Duration.ofSeconds(1)),
            HandshakeGate.OPEN);
    NettyClusterTransport b = transports.start("b");
    RecordingListener onA = new RecordingListener();
    a.addListener(onA);
    connect(a, b);

    long start = System.nanoTime();
    try (Freezer ignored = Freezer.freeze(b)) {
      await().atMost(Duration.ofSeconds(5)).until(() -> a.connectedNodes().isEmpty());
    }

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    assertThat(onA.lastDownReason(b.localNode())).isEqualTo("heartbeat timeout");
  }

  @Test
  void aRestartedNodesOldIncarnationIsReportedDownBeforeTheNewOneIsUp() throws Exception {
    NettyClusterTransport a = transports.start("a");
    NettyClusterTransport oldB = transports.start("b");
    RecordingListener onA = new RecordingListener();
    a.addListener(onA);
    connect(a, oldB);

    // the old process hangs (no FIN, no heartbeats seen yet) while its successor starts
    try (Freezer ignored = Freezer.freeze(oldB)) {
      NettyClusterTransport newB = transports.start("b");
      assertThat(connect(newB, a)).isEqualTo(a.localNode());

      assertThat(a.connectedNodes()).containsExactly(newB.localNode());
      List<String> events = onA.events();
      assertThat(events).hasSize(3);
      assertThat(events.get(0)).isEqualTo("up " + oldB.localNode());
      assertThat(events.get(1)).startsWith("down " + oldB.localNode() + " restarted");
      assertThat(events.get(2)).isEqualTo("up " + newB.localNode());
    }
  }

  @Test
  void aBlockedPeerIsCutOffAndRefusedUntilUnblocked() throws Exception {
    NodeBlockList gate = new NodeBlockList();
    NettyClusterTransport a = transports.start("a", s -> s, gate);
    NettyClusterTransport b = transports.start("b");
    RecordingListener onB = new RecordingListener();
    b.addListener(onB);
    connect(b, a);

    gate.block("b");
    a.enforceGate();

    assertThat(a.connectedNodes()).isEmpty();
    await().atMost(WAIT).until(() -> b.connectedNodes().isEmpty());
    assertThatThrownBy(() -> connect(b, a)).hasMessageContaining("refused by the handshake gate");
    assertThatThrownBy(() -> connect(a, b)).hasMessageContaining("refused by the handshake gate");

    gate.unblock("b");

    assertThat(connect(b, a)).isEqualTo(a.localNode());
    assertThat(onB.kinds(a.localNode())).containsExactly("up", "down", "up");
  }

  @Test
  void aPeerThatStopsReadingIsDroppedOnceItsOutboundBufferIsFull() throws Exception {
    NettyClusterTransport a =
        transports.start(
            "a", s -> s.maxFrameSize(64 * 1024).outboundLimit(1024 * 1024), HandshakeGate.OPEN);
    NettyClusterTransport b = transports.start("b");
    RecordingListener onA = new RecordingListener();
    a.addListener(onA);
    connect(a, b);
    byte[] chunk = new byte[32 * 1024];

    try (Freezer ignored = Freezer.freeze(b)) {
      int sent = 0;
      while (sent < 20_000 && a.send(b.localNode(), Channel.REPLICATION, chunk)) {
        sent++;
      }
      assertThat(sent).isLessThan(20_000);
      await().atMost(WAIT).until(() -> a.connectedNodes().isEmpty());
    }

    assertThat(onA.lastDownReason(b.localNode())).startsWith("outbound buffer over limit");
    assertThat(onA.kinds(b.localNode())).containsExactly("up", "down");
  }

  @Test
  void aPeerIsLearntWithThePublishedAddressItAnnounces() throws Exception {
    NettyClusterTransport a = transports.start("a");
    NettyClusterTransport b = transports.start("b");

    connect(b, a);

    // a learnt b's published address from the handshake: connecting there reuses the link
    assertThat(connect(a, b)).isEqualTo(b.localNode());
    assertThat(a.connectedNodes()).isEqualTo(Set.of(b.localNode()));
  }
}
