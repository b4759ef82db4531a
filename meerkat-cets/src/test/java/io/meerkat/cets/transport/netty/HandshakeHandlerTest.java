package io.meerkat.cets.transport.netty;

import static io.meerkat.cets.transport.netty.EmbeddedLinks.pump;
import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.cets.transport.NodeId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The handshake on embedded channels: who comes up, what is refused and how. */
class HandshakeHandlerTest {

  private final EmbeddedLinks alice = new EmbeddedLinks("alice");
  private final EmbeddedLinks bob = new EmbeddedLinks("bob");
  private final List<EmbeddedLinks> others = new ArrayList<>();
  private final CompletableFuture<NodeId> result = new CompletableFuture<>();

  private EmbeddedLinks side(String name, String secret, HandshakeGate gate) {
    EmbeddedLinks side = new EmbeddedLinks(name, secret, gate);
    others.add(side);
    return side;
  }

  @AfterEach
  void releaseChannels() {
    alice.releaseAll();
    bob.releaseAll();
    others.forEach(EmbeddedLinks::releaseAll);
  }

  @Test
  void twoNodesWithTheSameSecretBringTheLinkUpOnBothSides() {
    EmbeddedChannel out = alice.initiator(result);
    EmbeddedChannel in = bob.acceptor();

    pump(out, in);

    assertThat(result).isCompletedWithValue(bob.local);
    assertThat(alice.registry.nodes()).containsExactly(bob.local);
    assertThat(bob.registry.nodes()).containsExactly(alice.local);
    assertThat(bob.listener.events()).containsExactly("up " + alice.local);
    assertThat(out.pipeline().get(HandshakeHandler.class)).isNull();
    assertThat(in.pipeline().get(LinkHandler.class)).isNotNull();
  }

  @Test
  void aWrongSecretIsRefusedAndNeitherSideComesUp() {
    EmbeddedLinks mallory = side("mallory", "another-secret", HandshakeGate.OPEN);
    EmbeddedChannel out = mallory.initiator(result);
    EmbeddedChannel in = bob.acceptor();

    pump(out, in);

    assertThat(result).isCompletedExceptionally();
    assertThat(in.isOpen()).isFalse();
    assertThat(out.isOpen()).isFalse();
    assertThat(bob.registry.nodes()).isEmpty();
    assertThat(mallory.registry.nodes()).isEmpty();
    assertThat(bob.listener.events()).isEmpty();
  }

  @Test
  void anAcceptorWithAWrongSecretIsNotTrustedByTheInitiator() {
    EmbeddedLinks mallory = side("mallory", "another-secret", HandshakeGate.OPEN);
    EmbeddedChannel out = alice.initiator(result);
    EmbeddedChannel in = mallory.acceptor();

    pump(out, in);

    assertThat(result).isCompletedExceptionally();
    assertThat(alice.registry.nodes()).isEmpty();
    assertThat(out.isOpen()).isFalse();
  }

  @Test
  void aPeerSpeakingAnotherProtocolVersionIsRefusedByName() {
    EmbeddedChannel in = bob.acceptor();
    ByteBuf hello =
        new Hello(
                2,
                alice.local,
                InetSocketAddress.createUnresolved("10.0.0.2", 9100),
                new byte[Hello.NONCE_BYTES])
            .encode(Unpooled.buffer().alloc());

    in.writeInbound(hello);

    ByteBuf reply = in.readOutbound();
    assertThat(reply.readInt()).isEqualTo(reply.readableBytes());
    assertThat(reply.readByte()).isEqualTo(Frames.REJECT);
    assertThat(Frames.Reject.of(reply.readByte())).isEqualTo(Frames.Reject.VERSION);
    assertThat(Frames.readStr8(reply)).contains("protocol version 2");
    reply.release();
    assertThat(in.isOpen()).isFalse();
  }

  @Test
  void garbageInsteadOfAHandshakeClosesTheConnection() {
    EmbeddedChannel in = bob.acceptor();

    in.writeInbound(Unpooled.copiedBuffer("GET / HTTP/1.1\r\n\r\n", StandardCharsets.US_ASCII));

    assertThat(in.isOpen()).isFalse();
    assertThat(bob.registry.nodes()).isEmpty();
  }

  @Test
  void aHandshakeFrameWithoutTheMagicIsRefused() {
    EmbeddedChannel in = bob.acceptor();

    in.writeInbound(Unpooled.buffer().writeInt(9).writeByte(Frames.HELLO).writeLong(42));

    assertThat(in.isOpen()).isFalse();
  }

  @Test
  void aDataFrameBeforeAuthenticationIsRefused() {
    EmbeddedChannel in = bob.acceptor();

    in.writeInbound(Unpooled.buffer().writeInt(3).writeByte(Frames.DATA).writeByte(0).writeByte(1));

    assertThat(in.isOpen()).isFalse();
    assertThat(bob.inbox.count()).isZero();
  }

  @Test
  void aSilentConnectionIsClosedWhenTheHandshakeTimesOut() {
    EmbeddedChannel in = bob.acceptor();

    in.advanceTimeBy(6, TimeUnit.SECONDS);
    in.runScheduledPendingTasks();

    assertThat(in.isOpen()).isFalse();
  }

  @Test
  void aBlockedPeerIsRefusedByTheGateOnEitherSide() {
    EmbeddedLinks guarded = side("guarded", TestTransports.SECRET, peer -> false);
    EmbeddedChannel out = alice.initiator(result);
    EmbeddedChannel in = guarded.acceptor();

    pump(out, in);

    assertThat(result).isCompletedExceptionally();
    assertThat(guarded.registry.nodes()).isEmpty();

    CompletableFuture<NodeId> outgoing = new CompletableFuture<>();
    EmbeddedChannel out2 = guarded.initiator(outgoing);
    EmbeddedChannel in2 = alice.acceptor();
    pump(out2, in2);
    assertThat(outgoing).isCompletedExceptionally();
    assertThat(alice.registry.nodes()).isEmpty();
  }

  @Test
  void aPeerBlockedWhileItsLinkRegistersIsClosedAtOnce() {
    // The gate admits the peer at each handshake check, and starts refusing it the moment its link
    // is registered: the block arrived between the last check and the registration, when an
    // enforceGate() would not have found the link yet.
    AtomicReference<EmbeddedLinks> self = new AtomicReference<>();
    EmbeddedLinks guarded =
        side("guarded", TestTransports.SECRET, peer -> self.get().registry.nodes().isEmpty());
    self.set(guarded);
    EmbeddedChannel out = alice.initiator(result);
    EmbeddedChannel in = guarded.acceptor();

    pump(out, in);

    assertThat(guarded.listener.events())
        .containsExactly(
            "up " + alice.local, "down " + alice.local + " refused by the handshake gate");
    assertThat(guarded.registry.nodes()).isEmpty();
    assertThat(in.isOpen()).isFalse();
  }

  @Test
  void aNodeCannotLinkWithAnotherNodeOfTheSameName() {
    EmbeddedLinks twin = side("alice", TestTransports.SECRET, HandshakeGate.OPEN);
    EmbeddedChannel out =
        side("alice", TestTransports.SECRET, HandshakeGate.OPEN).initiator(result);
    EmbeddedChannel in = twin.acceptor();

    pump(out, in);

    assertThat(result).isCompletedExceptionally();
    assertThat(twin.registry.nodes()).isEmpty();
  }
}
