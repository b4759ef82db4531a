package io.meerkat.server.c2s;

import io.meerkat.server.net.HandlerNames;
import io.meerkat.xml.XmlElement;
import io.meerkat.xml.XmlWriter;
import io.meerkat.xml.netty.XmlStreamDecoder;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.StreamError;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The socket side of a client session: writing stream headers, stanzas and errors, closing, the
 * STARTTLS switch and stream restarts. Writes are queued and flushed once per mailbox batch, and
 * only when the batch wrote something. Called from the session's mailbox only, which runs on a
 * virtual thread (Netty queues the writes in order on the event loop) or, for a message handled
 * where it was read, on the event loop itself (see {@link LoopFlush}).
 */
final class C2sConnection {

  private static final String STREAM_CLOSE = "</stream:stream>";

  private final Channel channel;
  private final XmlStreamDecoder decoder;
  private boolean headerSent;
  private boolean closing;

  /**
   * Whether something was written since the last flush. A flush from the mailbox is a task for the
   * event loop, often with a wake-up; about half of a login's mailbox batches write nothing.
   */
  private boolean unflushed;

  private SslHandler sslHandler;

  C2sConnection(Channel channel, XmlStreamDecoder decoder) {
    this.channel = channel;
    this.decoder = decoder;
    this.sslHandler = channel.pipeline().get(SslHandler.class);
  }

  InetAddress remoteAddress() {
    return channel.remoteAddress() instanceof InetSocketAddress a
        ? a.getAddress()
        : InetAddress.getLoopbackAddress();
  }

  boolean tlsActive() {
    return sslHandler != null;
  }

  SslHandler sslHandler() {
    return sslHandler;
  }

  /** Writes our stream header; {@code id} is {@code null} only when answering a bad header. */
  void sendHeader(String from, String id, String lang) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("<?xml version='1.0'?><stream:stream xmlns='")
        .append(Namespaces.CLIENT)
        .append("' xmlns:stream='")
        .append(Namespaces.STREAMS)
        .append("'");
    if (id != null) {
      sb.append(" id='").append(id).append('\'');
    }
    sb.append(" from='");
    XmlWriter.escapeAttribute(from, sb);
    sb.append("' version='1.0' xml:lang='");
    XmlWriter.escapeAttribute(lang, sb);
    sb.append("'>");
    write(sb.toString());
    headerSent = true;
  }

  void send(XmlElement element) {
    if (!closing) {
      write(element);
    }
  }

  /**
   * On the event loop (a message handled there), a write is queued behind the earlier ones and
   * flushed with the loop's turn ({@link LoopFlush}); elsewhere it waits for {@link #flush}.
   */
  private void write(Object message) {
    if (onEventLoopThread()) {
      LoopFlush.write(channel, message);
    } else {
      channel.write(message);
      unflushed = true;
    }
  }

  /** Whether the calling thread is this connection's event loop. */
  boolean onEventLoopThread() {
    return channel.eventLoop().inEventLoop();
  }

  void flush() {
    if (unflushed) {
      unflushed = false;
      channel.flush();
    }
  }

  /**
   * Sends a stream error (after a header if none was sent yet), closes the stream and then the
   * socket.
   */
  void streamError(StreamError error, String defaultDomain) {
    if (closing) {
      return;
    }
    if (!headerSent) {
      sendHeader(defaultDomain, null, "en");
    }
    write(error.toElement());
    closeStream();
  }

  /** Sends our closing tag and closes the socket once it is written. */
  void closeStream() {
    if (closing) {
      return;
    }
    closing = true;
    Runnable close =
        () -> channel.writeAndFlush(STREAM_CLOSE).addListener(ChannelFutureListener.CLOSE);
    if (onEventLoopThread()) {
      channel.eventLoop().execute(close); // behind the writes queued before it
    } else {
      close.run();
    }
  }

  /** Closes the socket without further output (the peer is gone). */
  void abort() {
    closing = true;
    channel.close();
  }

  boolean isClosing() {
    return closing;
  }

  /** Answers {@code <starttls/>}: TLS starts right after {@code <proceed/>} is written. */
  void startTls(SslContext context) {
    SslHandler handler = new SslHandler(context.newEngine(channel.alloc()), true);
    this.sslHandler = handler;
    headerSent = false;
    channel
        .eventLoop()
        .execute(
            () -> {
              channel.pipeline().addFirst(HandlerNames.TLS, handler);
              channel.writeAndFlush(XmlElement.empty("proceed", Namespaces.TLS));
              decoder.restartDiscardingInput();
            });
  }

  /** After SASL success: a new stream begins with the bytes that follow. */
  void restartStream() {
    headerSent = false;
    decoder.restart();
  }

  /** Continues reading the same stream after an element that paused the parser. */
  void resumeReading() {
    decoder.resume();
  }

  ScheduledFuture<?> schedule(Runnable task, long millis) {
    return channel.eventLoop().schedule(task, millis, TimeUnit.MILLISECONDS);
  }
}
