package io.meerkat.xml.netty;

import io.meerkat.xml.XmlElement;
import io.meerkat.xml.XmlLimits;
import io.meerkat.xml.XmlStreamException;
import io.meerkat.xml.XmlStreamHandler;
import io.meerkat.xml.XmlStreamParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns the bytes of an XMPP stream into {@link XmlStreamEvent}s, parsing each byte once. Parse
 * failures go to {@code exceptionCaught} as {@link XmlStreamException}; after one, all further
 * input is discarded.
 *
 * <p>Stream restarts: elements matching {@code pauseAfter} (SASL exchanges, {@code <starttls/>})
 * stop parsing and reading right after them, because the bytes that follow may belong to a new
 * stream (a client may pipeline its new header after SASL success). The consumer then calls exactly
 * one of {@link #resume()}, {@link #restart()} or {@link #restartDiscardingInput()}; any thread may
 * call them.
 *
 * <p>Pitfalls: not {@code @Sharable} (one per channel). Input is fed to the parser in slices of at
 * most {@link #SLICE_BYTES} so an oversized stanza is rejected after at most one slice more than
 * the limit.
 */
public final class XmlStreamDecoder extends ChannelInboundHandlerAdapter
    implements XmlStreamHandler {

  static final int SLICE_BYTES = 8192;

  private final XmlStreamParser parser;
  private final ArrayDeque<ByteBuf> input = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private ByteBuf current;
  private int currentIndex;
  private boolean sliceFed;
  private boolean paused;
  private boolean failed;

  public XmlStreamDecoder(XmlLimits limits, Predicate<XmlElement> pauseAfter) {
    this.parser = new XmlStreamParser(limits, pauseAfter);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    this.ctx = context;
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext context) {
    releaseAll();
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object msg) {
    if (!(msg instanceof ByteBuf buf)) {
      context.fireChannelRead(msg);
      return;
    }
    if (failed) {
      buf.release();
      return;
    }
    input.add(buf);
    if (!paused) {
      process();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) {
    releaseAll();
    context.fireChannelInactive();
  }

  /** Continues the same stream after a pausing element (for example a SASL challenge step). */
  public void resume() {
    ctx.executor().execute(this::doResume);
  }

  /** Starts a new stream with the bytes that followed the pausing element (SASL success). */
  public void restart() {
    ctx.executor().execute(() -> doRestart(false));
  }

  /**
   * Starts a new stream and drops the bytes received after the pausing element: after STARTTLS,
   * plaintext sent before the TLS handshake must never be taken as part of the protected stream.
   */
  public void restartDiscardingInput() {
    ctx.executor().execute(() -> doRestart(true));
  }

  private void doResume() {
    if (!paused || failed) {
      return;
    }
    paused = false;
    ctx.channel().config().setAutoRead(true);
    process();
  }

  private void doRestart(boolean discard) {
    if (failed) {
      return;
    }
    byte[] tail = parser.unconsumedBytes();
    if (current != null) {
      if (!discard && currentIndex < current.writerIndex()) {
        input.addFirst(current.retainedSlice(currentIndex, current.writerIndex() - currentIndex));
      }
      current.release();
      current = null;
    }
    if (discard) {
      releaseQueued();
    } else if (tail.length > 0) {
      input.addFirst(Unpooled.wrappedBuffer(tail));
    }
    sliceFed = false;
    parser.restart();
    paused = false;
    ctx.channel().config().setAutoRead(true);
    process();
  }

  private void process() {
    try {
      while (!paused && !failed) {
        if (sliceFed) {
          XmlStreamParser.Progress progress = parser.drain(this);
          if (progress == XmlStreamParser.Progress.PAUSED) {
            paused = true;
            ctx.channel().config().setAutoRead(false);
            return;
          }
          if (progress == XmlStreamParser.Progress.CLOSED) {
            releaseAll();
            return;
          }
          sliceFed = false;
        }
        if (!feedNextSlice()) {
          return;
        }
      }
    } catch (XmlStreamException e) {
      failed = true;
      releaseAll();
      ctx.fireExceptionCaught(e);
    }
  }

  private boolean feedNextSlice() throws XmlStreamException {
    while (current == null || currentIndex >= current.writerIndex()) {
      if (current != null) {
        current.release();
      }
      current = input.poll();
      if (current == null) {
        return false;
      }
      currentIndex = current.readerIndex();
    }
    int length = Math.min(SLICE_BYTES, current.writerIndex() - currentIndex);
    parser.feed(current.nioBuffer(currentIndex, length));
    currentIndex += length;
    sliceFed = true;
    return true;
  }

  private void releaseAll() {
    if (current != null) {
      current.release();
      current = null;
    }
    releaseQueued();
  }

  private void releaseQueued() {
    ByteBuf b;
    while ((b = input.poll()) != null) {
      b.release();
    }
  }

  @Override
  public void onStreamOpen(XmlElement header, Map<String, String> declaredNamespaces) {
    ctx.fireChannelRead(new XmlStreamEvent.StreamOpened(header, declaredNamespaces));
  }

  @Override
  public void onElement(XmlElement element) {
    ctx.fireChannelRead(new XmlStreamEvent.Element(element));
  }

  @Override
  public void onStreamClose() {
    ctx.fireChannelRead(new XmlStreamEvent.StreamClosed());
  }
}
