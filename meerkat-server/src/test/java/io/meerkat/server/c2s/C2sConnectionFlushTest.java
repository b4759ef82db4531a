package io.meerkat.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.xml.XmlElement;
import io.meerkat.xml.XmlLimits;
import io.meerkat.xml.netty.XmlStreamDecoder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The end of a mailbox batch flushes the socket only when the batch wrote something: a flush from
 * the session's virtual thread is an event-loop task, and about half of a login's batches write
 * nothing.
 */
class C2sConnectionFlushTest {

  /** Records what reaches the socket end of the pipeline, in order. */
  private static final class Recorder extends ChannelOutboundHandlerAdapter {
    final List<String> events = new ArrayList<>();

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      events.add("write " + (msg instanceof XmlElement e ? e.name() : msg));
      promise.setSuccess();
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
      events.add("flush");
    }
  }

  private final Recorder recorder = new Recorder();
  private final EmbeddedChannel channel = new EmbeddedChannel(recorder);
  private final C2sConnection connection =
      new C2sConnection(channel, new XmlStreamDecoder(XmlLimits.DEFAULT, e -> false));

  @Test
  void aBatchThatWroteNothingDoesNotFlush() {
    connection.flush();
    channel.runPendingTasks();

    assertThat(recorder.events).isEmpty();
  }

  @Test
  void writtenElementsAreFlushedOnceAtTheEndOfTheBatch() {
    connection.send(XmlElement.empty("a", "jabber:client"));
    connection.send(XmlElement.empty("b", "jabber:client"));
    connection.flush();
    connection.flush();
    channel.runPendingTasks();

    assertThat(recorder.events).containsExactly("write a", "write b", "flush");
  }

  @Test
  void aStreamHeaderCountsAsAWrite() {
    connection.sendHeader("localhost", "id1", "en");
    connection.flush();
    channel.runPendingTasks();

    assertThat(recorder.events).hasSize(2).last().isEqualTo("flush");
  }
}
