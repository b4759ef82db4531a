package io.meerkat.cets.transport;

import static io.meerkat.cets.transport.RecordingHandler.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ClusterTransport} must have, written once. An implementation's test
 * implements {@link #newTransport} (a started transport it closes after each test) and inherits
 * these tests.
 */
public interface ClusterTransportContract {

  Duration WAIT = Duration.ofSeconds(10);

  /** A started transport for node {@code name}, closed by the implementing test afterwards. */
  ClusterTransport newTransport(String name);

  private static NodeId connect(ClusterTransport from, ClusterTransport to) throws Exception {
    return from.connect(to.publishedAddress()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  default void connectCompletesWithThePeerIdentityAndBothSidesSeeEachOtherUp() throws Exception {
    ClusterTransport a = newTransport("a");
    ClusterTransport b = newTransport("b");
    RecordingListener onA = new RecordingListener();
    RecordingListener onB = new RecordingListener();
    a.addListener(onA);
    b.addListener(onB);

    assertThat(connect(a, b)).isEqualTo(b.localNode());

    await().atMost(WAIT).until(() -> b.connectedNodes().equals(Set.of(a.localNode())));
    assertThat(a.connectedNodes()).containsExactly(b.localNode());
    await().atMost(WAIT).until(() -> onA.kinds(b.localNode()).equals(List.of("up")));
    await().atMost(WAIT).until(() -> onB.kinds(a.localNode()).equals(List.of("up")));
  }

  @Test
  default void messagesOfAllChannelsArriveInTheOrderSent() throws Exception {
    ClusterTransport a = newTransport("a");
    ClusterTransport b = newTransport("b");
    RecordingHandler received = new RecordingHandler();
    b.setHandler(Channel.REPLICATION, received.on(Channel.REPLICATION));
    b.setHandler(Channel.APPLICATION, received.on(Channel.APPLICATION));
    connect(a, b);

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      Channel channel = i % 3 == 0 ? Channel.APPLICATION : Channel.REPLICATION;
      assertThat(a.send(b.localNode(), channel, bytes("m" + i))).isTrue();
      expected.add("a:" + channel + ":m" + i);
    }

    await().atMost(WAIT).until(() -> received.count() == expected.size());
    assertThat(received.received()).isEqualTo(expected);
  }

  @Test
  default void messagesFlowInBothDirectionsOnOneLink() throws Exception {
    ClusterTransport a = newTransport("a");
    ClusterTransport b = newTransport("b");
    RecordingHandler onA = new RecordingHandler();
    RecordingHandler onB = new RecordingHandler();
    a.setHandler(Channel.APPLICATION, onA.on(Channel.APPLICATION));
    b.setHandler(Channel.APPLICATION, onB.on(Channel.APPLICATION));
    connect(a, b);
    await().atMost(WAIT).until(() -> b.connectedNodes().contains(a.localNode()));

    assertThat(a.send(b.localNode(), Channel.APPLICATION, bytes("ping"))).isTrue();
    assertThat(b.send(a.localNode(), Channel.APPLICATION, bytes("pong"))).isTrue();

    await().atMost(WAIT).until(() -> onA.count() == 1 && onB.count() == 1);
    assertThat(onB.received()).containsExactly("a:APPLICATION:ping");
    assertThat(onA.received()).containsExactly("b:APPLICATION:pong");
  }

  @Test
  default void sendWithoutALinkReturnsFalseAndOpensNoLink() {
    ClusterTransport a = newTransport("a");
    ClusterTransport b = newTransport("b");

    assertThat(a.send(b.localNode(), Channel.REPLICATION, bytes("lost"))).isFalse();

    assertThat(a.connectedNodes()).isEmpty();
    assertThat(b.connectedNodes()).isEmpty();
  }

  @Test
  default void connectingAgainReturnsTheExistingLink() throws Exception {
    ClusterTransport a = newTransport("a");
    ClusterTransport b = newTransport("b");
    RecordingListener onA = new RecordingListener();
    a.addListener(onA);
    connect(a, b);
    await().atMost(WAIT).until(() -> b.connectedNodes().contains(a.localNode()));

    assertThat(connect(a, b)).isEqualTo(b.localNode());
    assertThat(connect(b, a)).isEqualTo(a.localNode());

    assertThat(a.connectedNodes()).containsExactly(b.localNode());
    assertThat(b.connectedNodes()).containsExactly(a.localNode());
    assertThat(onA.kinds(b.localNode())).containsExactly("up");
  }

  @Test
  default void disconnectReportsThePeerDownOnBothSides() throws Exception {
    ClusterTransport a = newTransport("a");
    ClusterTransport b = newTransport("b");
    RecordingListener onA = new RecordingListener();
    RecordingListener onB = new RecordingListener();
    a.addListener(onA);
    b.addListener(onB);
    connect(a, b);
    await().atMost(WAIT).until(() -> b.connectedNodes().contains(a.localNode()));

    a.disconnect(b.localNode());

    // The listeners may be told on another thread (the contract does not make it synchronous).
    await().atMost(WAIT).until(() -> onA.kinds(b.localNode()).equals(List.of("up", "down")));
    assertThat(a.connectedNodes()).isEmpty();
    assertThat(a.send(b.localNode(), Channel.REPLICATION, bytes("late"))).isFalse();
    await().atMost(WAIT).until(() -> onB.kinds(a.localNode()).equals(List.of("up", "down")));
    assertThat(b.connectedNodes()).isEmpty();
  }

  @Test
  default void aLinkCanBeOpenedAgainAfterItWentDown() throws Exception {
    ClusterTransport a = newTransport("a");
    ClusterTransport b = newTransport("b");
    RecordingListener onB = new RecordingListener();
    b.addListener(onB);
    connect(a, b);
    await().atMost(WAIT).until(() -> b.connectedNodes().contains(a.localNode()));
    a.disconnect(b.localNode());
    await().atMost(WAIT).until(() -> b.connectedNodes().isEmpty());

    connect(b, a);

    await().atMost(WAIT).until(() -> a.connectedNodes().contains(b.localNode()));
    await().atMost(WAIT).until(() -> onB.kinds(a.localNode()).equals(List.of("up", "down", "up")));
  }

  @Test
  default void closingATransportReportsItsPeersDownEverywhere() throws Exception {
    ClusterTransport a = newTransport("a");
    ClusterTransport b = newTransport("b");
    ClusterTransport c = newTransport("c");
    RecordingListener onA = new RecordingListener();
    RecordingListener onC = new RecordingListener();
    a.addListener(onA);
    c.addListener(onC);
    connect(a, b);
    connect(c, b);
    connect(a, c);

    b.close();

    assertThat(b.connectedNodes()).isEmpty();
    await()
        .atMost(WAIT)
        .until(
            () ->
                onA.kinds(b.localNode()).equals(List.of("up", "down"))
                    && onC.kinds(b.localNode()).equals(List.of("up", "down")));
    assertThat(a.connectedNodes()).containsExactly(c.localNode());
  }

  @Test
  default void connectingToItselfFails() {
    ClusterTransport a = newTransport("a");

    CompletableFuture<NodeId> self = a.connect(a.publishedAddress());

    assertThatThrownBy(() -> self.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
    assertThat(a.connectedNodes()).isEmpty();
  }

  @Test
  default void eachStartHasANewIncarnation() {
    ClusterTransport first = newTransport("a");
    NodeId firstId = first.localNode();
    first.close();

    ClusterTransport second = newTransport("a");

    assertThat(second.localNode().name()).isEqualTo("a");
    assertThat(second.localNode()).isNotEqualTo(firstId);
  }
}
