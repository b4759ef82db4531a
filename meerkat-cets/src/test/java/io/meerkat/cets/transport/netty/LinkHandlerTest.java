package io.meerkat.cets.transport.netty;

import static io.meerkat.cets.transport.netty.EmbeddedLinks.pump;
import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.cets.transport.Channel;
import io.meerkat.cets.transport.RecordingHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An authenticated link on embedded channels: data, bad frames, heartbeats. */
class LinkHandlerTest {

  private final EmbeddedLinks alice = new EmbeddedLinks("alice");
  private final EmbeddedLinks bob = new EmbeddedLinks("bob");
  private EmbeddedChannel out;
  private EmbeddedChannel in;

  @AfterEach
  void releaseChannels() {
    alice.releaseAll();
    bob.releaseAll();
  }

  @BeforeEach
  void linkUp() {
    out = alice.initiator(new CompletableFuture<>());
    in = bob.acceptor();
    pump(out, in);
    assertThat(bob.registry.nodes()).containsExactly(alice.local);
  }

  private static ByteBuf frame(int type, byte... body) {
    return Unpooled.buffer().writeInt(1 + body.length).writeByte(type).writeBytes(body);
  }

  @Test
  void messagesAreDeliveredInOrderWithTheirChannel() {
    Link link = alice.registry.get(bob.local);
    assertThat(link.send(Channel.REPLICATION, RecordingHandler.bytes("one"))).isTrue();
    assertThat(link.send(Channel.APPLICATION, RecordingHandler.bytes("two"))).isTrue();

    pump(out, in);

    assertThat(bob.inbox.received())
        .containsExactly("alice:REPLICATION:one", "alice:APPLICATION:two");
  }

  @Test
  void aFrameOverTheMaxFrameSizeClosesTheLinkAndReportsThePeerDown() {
    in.writeInbound(Unpooled.buffer().writeInt(bob.settings.maxFrameSize() + 100).writeByte(7));

    assertThat(in.isOpen()).isFalse();
    assertThat(bob.registry.nodes()).isEmpty();
    assertThat(bob.listener.lastDownReason(alice.local)).startsWith("protocol error");
  }

  @Test
  void aDataFrameForAnUnknownChannelClosesTheLink() {
    in.writeInbound(frame(Frames.DATA, (byte) 9, (byte) 1));

    assertThat(in.isOpen()).isFalse();
    assertThat(bob.inbox.count()).isZero();
    assertThat(bob.listener.kinds(alice.local)).containsExactly("up", "down");
  }

  @Test
  void anUnknownFrameTypeClosesTheLink() {
    in.writeInbound(frame(42));

    assertThat(in.isOpen()).isFalse();
  }

  @Test
  void aPingIsAnsweredWithAPong() {
    in.writeInbound(frame(Frames.PING));

    ByteBuf pong = in.readOutbound();
    assertThat(pong.readInt()).isEqualTo(1);
    assertThat(pong.readByte()).isEqualTo(Frames.PONG);
    pong.release();
  }

  @Test
  void aPeerThatNeverAnswersPingsIsDroppedAfterTheHeartbeatTimeout() {
    for (int second = 1; second <= 6 && in.isOpen(); second++) {
      in.advanceTimeBy(1, TimeUnit.SECONDS);
      in.runScheduledPendingTasks();
      in.releaseOutbound();
    }

    assertThat(in.isOpen()).isFalse();
    assertThat(bob.listener.lastDownReason(alice.local)).isEqualTo("heartbeat timeout");
  }

  @Test
  void aPeerThatAnswersPingsStaysUp() {
    for (int second = 1; second <= 20; second++) {
      in.advanceTimeBy(1, TimeUnit.SECONDS);
      out.advanceTimeBy(1, TimeUnit.SECONDS);
      in.runScheduledPendingTasks();
      out.runScheduledPendingTasks();
      pump(out, in);
    }

    assertThat(in.isOpen()).isTrue();
    assertThat(bob.registry.nodes()).containsExactly(alice.local);
  }
}
