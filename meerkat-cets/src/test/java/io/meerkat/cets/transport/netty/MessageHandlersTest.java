package io.meerkat.cets.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.cets.transport.Channel;
import io.meerkat.cets.transport.NodeId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageHandlersTest {

  private static final NodeId PEER = new NodeId("peer", 1);

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void messagesThatArriveBeforeTheHandlerAreGivenToItInOrderWhenItIsSet() {
    MessageHandlers handlers = new MessageHandlers();
    List<String> received = new ArrayList<>();
    handlers.deliver(PEER, Channel.REPLICATION, bytes("one"));
    handlers.deliver(PEER, Channel.REPLICATION, bytes("two"));
    handlers.deliver(PEER, Channel.APPLICATION, bytes("other channel"));

    handlers.set(
        Channel.REPLICATION,
        (from, payload) ->
            received.add(from.name() + ":" + new String(payload, StandardCharsets.UTF_8)));
    handlers.deliver(PEER, Channel.REPLICATION, bytes("three"));

    assertThat(received).containsExactly("peer:one", "peer:two", "peer:three");
  }

  @Test
  void beyondTheLimitEarlyMessagesAreDroppedRatherThanHeldWithoutBound() {
    MessageHandlers handlers = new MessageHandlers();
    for (int i = 0; i < MessageHandlers.MAX_EARLY + 5; i++) {
      handlers.deliver(PEER, Channel.APPLICATION, bytes(Integer.toString(i)));
    }
    List<String> received = new ArrayList<>();
    handlers.set(
        Channel.APPLICATION,
        (from, payload) -> received.add(new String(payload, StandardCharsets.UTF_8)));

    assertThat(received).hasSize(MessageHandlers.MAX_EARLY);
    assertThat(received.get(0)).isEqualTo("0");
    assertThat(received.get(received.size() - 1))
        .isEqualTo(Integer.toString(MessageHandlers.MAX_EARLY - 1));
  }
}
