package io.meerkat.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meerkat.xml.XmlElement;
import io.meerkat.xml.XmlLimits;
import io.meerkat.xml.netty.XmlStreamDecoder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The socket is flushed once per batch of writes, and only when the batch wrote something: from the
 * session's virtual thread at the end of its mailbox batch (a flush from there is an event-loop
 * task, and about half of a login's batches write nothing), and on the event loop after the loop's
 * turn ({@link LoopFlush}). Runs on a real event loop: an embedded channel runs its pending tasks
 * inside every write, which no real loop does.
 */
class C2sConnectionFlushTest {

  /** Records what reaches the socket end of the pipeline, in order. */
  private static final class Recorder extends ChannelOutboundHandlerAdapter {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      events.add("write " + (msg instanceof XmlElement e ? e.name() : "header"));
      promise.setSuccess();
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
      events.add("flush");
    }
  }

  private final EventLoopGroup loop =
      new MultiThreadIoEventLoopGroup(1, LocalIoHandler.newFactory());
  private final Recorder recorder = new Recorder();
  private final LocalChannel channel = new LocalChannel();
  private C2sConnection connection;

  @BeforeEach
  void register() throws Exception {
    channel.pipeline().addLast(recorder);
    loop.register(channel).sync();
    connection = new C2sConnection(channel, new XmlStreamDecoder(XmlLimits.DEFAULT, e -> false));
  }

  @AfterEach
  void stop() {
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }

  /** Waits until the loop has run everything queued so far (and what that queued). */
  private void settle() throws Exception {
    for (int i = 0; i < 3; i++) {
      channel.eventLoop().submit(() -> {}).sync();
    }
  }

  @Test
  void aBatchThatWroteNothingDoesNotFlush() throws Exception {
    connection.flush();
    settle();

    assertThat(recorder.events).isEmpty();
  }

  @Test
  void writtenElementsAreFlushedOnceAtTheEndOfTheBatch() throws Exception {
    connection.send(XmlElement.empty("a", "jabber:client"));
    connection.send(XmlElement.empty("b", "jabber:client"));
    connection.flush();
    connection.flush();
    settle();

    assertThat(recorder.events).containsExactly("write a", "write b", "flush");
  }

  @Test
  void aStreamHeaderCountsAsAWrite() throws Exception {
    connection.sendHeader("localhost", "id1", "en");
    connection.flush();
    settle();

    assertThat(recorder.events).containsExactly("write header", "flush");
  }

  @Test
  void writesOnTheEventLoopAreFlushedOnceAfterTheLoopsTurn() throws Exception {
    channel
        .eventLoop()
        .execute(
            () -> {
              connection.send(XmlElement.empty("a", "jabber:client"));
              connection.send(XmlElement.empty("b", "jabber:client"));
              connection.flush();
            });
    await().until(() -> recorder.events.contains("flush"));
    settle();

    assertThat(recorder.events).containsExactly("write a", "write b", "flush");
  }

  @Test
  void aWriteOnTheEventLoopStaysBehindTheWritesQueuedBeforeIt() throws Exception {
    channel
        .eventLoop()
        .execute(
            () -> {
              // While the loop is busy here, the session's virtual thread writes and flushes...
              Thread other =
                  Thread.ofVirtual()
                      .start(
                          () -> {
                            connection.send(XmlElement.empty("queued", "jabber:client"));
                            connection.flush();
                          });
              try {
                other.join();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              // ...then a message handled on the loop writes to the same connection.
              connection.send(XmlElement.empty("later", "jabber:client"));
            });
    await().until(() -> recorder.events.stream().filter("flush"::equals).count() == 2);
    settle();

    assertThat(recorder.events).containsExactly("write queued", "flush", "write later", "flush");
  }
}
