package io.meerkat.cets.transport.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.meerkat.cets.transport.Channel;
import io.meerkat.cets.transport.NodeId;
import io.meerkat.cets.transport.TransportListener;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemoryNetworkTest {

  private final InMemoryNetwork network = new InMemoryNetwork();

  @AfterEach
  void stop() {
    network.close();
  }

  /** Records everything a transport delivers, in order. */
  private static final class Recorder implements TransportListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<Integer> messages = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();

    Recorder(InMemoryTransport transport) {
      transport.addListener(this);
      transport.setHandler(
          Channel.REPLICATION,
          (from, payload) -> {
            messages.add(ByteBuffer.wrap(payload).getInt());
            threads.add(Thread.currentThread().toString());
          });
    }

    @Override
    public void nodeUp(NodeId node) {
      events.add("up " + node.name());
    }

    @Override
    public void nodeDown(NodeId node, String reason) {
      events.add("down " + node.name() + " " + reason);
    }
  }

  private static byte[] number(int n) {
    return ByteBuffer.allocate(4).putInt(n).array();
  }

  @Test
  void sendingWithoutALinkFailsAndOpensNoLink() {
    InMemoryTransport a = network.createTransport("a");
    InMemoryTransport b = network.createTransport("b");
    assertThat(a.send(b.localNode(), Channel.REPLICATION, number(1))).isFalse();
    assertThat(a.connectedNodes()).isEmpty();
    assertThat(b.connectedNodes()).isEmpty();
  }

  @Test
  void messagesOfOneLinkArriveInOrderOnAnotherThreadAfterTheUpEvent() {
    InMemoryTransport a = network.createTransport("a");
    InMemoryTransport b = network.createTransport("b");
    Recorder rb = new Recorder(b);
    NodeId peer = a.connect(InMemoryNetwork.addressOf("b")).join();
    assertThat(peer).isEqualTo(b.localNode());
    for (int i = 0; i < 1000; i++) {
      assertThat(a.send(peer, Channel.REPLICATION, number(i))).isTrue();
    }
    await().until(() -> rb.messages.size() == 1000);
    assertThat(rb.messages).isSorted();
    assertThat(rb.events).containsExactly("up a");
    assertThat(rb.threads).doesNotContain(Thread.currentThread().toString());
  }

  @Test
  void aPartitionReportsBothSidesDownDropsInFlightMessagesAndRefusesLinksUntilHealed() {
    InMemoryTransport a = network.createTransport("a");
    InMemoryTransport b = network.createTransport("b");
    Recorder ra = new Recorder(a);
    Recorder rb = new Recorder(b);
    a.connect(InMemoryNetwork.addressOf("b")).join();
    network.freeze("b");
    a.send(b.localNode(), Channel.REPLICATION, number(1));
    network.partition("a", "b");
    network.unfreeze("b");
    await().until(() -> ra.events.size() == 2 && rb.events.size() == 2);
    assertThat(rb.messages).isEmpty();
    assertThat(ra.events).containsExactly("up b", "down b partition");
    assertThat(rb.events).containsExactly("up a", "down a partition");
    assertThat(a.send(b.localNode(), Channel.REPLICATION, number(2))).isFalse();
    assertThatThrownBy(() -> a.connect(InMemoryNetwork.addressOf("b")).join())
        .hasMessageContaining("partitioned");
    network.heal("a", "b");
    assertThat(a.connectedNodes()).isEmpty();
    a.connect(InMemoryNetwork.addressOf("b")).join();
    await().until(() -> rb.events.size() == 3);
    assertThat(rb.events.get(2)).isEqualTo("up a");
  }

  @Test
  void aFrozenNodeReceivesNothingUntilUnfrozenThenEverythingInOrder() {
    InMemoryTransport a = network.createTransport("a");
    InMemoryTransport b = network.createTransport("b");
    Recorder rb = new Recorder(b);
    a.connect(InMemoryNetwork.addressOf("b")).join();
    await().until(() -> rb.events.size() == 1);
    network.freeze("b");
    for (int i = 0; i < 10; i++) {
      a.send(b.localNode(), Channel.REPLICATION, number(i));
    }
    assertThat(rb.messages).isEmpty();
    network.unfreeze("b");
    await().until(() -> rb.messages.size() == 10);
    assertThat(rb.messages).isSorted();
  }

  @Test
  void aRestartedNodeHasANewIncarnationAndTheOldOneIsReportedDown() {
    InMemoryTransport a = network.createTransport("a");
    InMemoryTransport b = network.createTransport("b");
    Recorder ra = new Recorder(a);
    new Recorder(b);
    a.connect(InMemoryNetwork.addressOf("b")).join();
    InMemoryTransport b2 = network.createTransport("b");
    new Recorder(b2);
    assertThat(b2.localNode()).isNotEqualTo(b.localNode());
    await().until(() -> ra.events.size() == 2);
    assertThat(ra.events.get(1)).startsWith("down b");
    assertThat(a.connect(InMemoryNetwork.addressOf("b")).join()).isEqualTo(b2.localNode());
  }

  @Test
  void aNodeWithoutAReplicationHandlerAcceptsNoLinks() {
    InMemoryTransport a = network.createTransport("a");
    network.createTransport("b");
    assertThatThrownBy(() -> a.connect(InMemoryNetwork.addressOf("b")).join())
        .hasMessageContaining("not ready");
  }

  @Test
  void connectingToNothingOrToItselfFails() {
    InMemoryTransport a = network.createTransport("a");
    assertThatThrownBy(() -> a.connect(InMemoryNetwork.addressOf("nobody")).join())
        .hasMessageContaining("nothing listens");
    assertThatThrownBy(() -> a.connect(InMemoryNetwork.addressOf("a")).join())
        .hasMessageContaining("this node");
  }
}
