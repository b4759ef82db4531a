package io.meerkat.server.c2s;

import io.meerkat.xml.XmlStreamException;
import io.meerkat.xml.netty.XmlStreamDecoder;
import io.meerkat.xml.netty.XmlStreamEvent;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a connection's stream events to its {@link C2sSession} mailbox, and stops reading from the
 * socket while the mailbox is backed up so a fast client cannot make the server buffer without
 * bound.
 */
public final class C2sHandler extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(C2sHandler.class);
  static final int HIGH_WATERMARK = 256;

  private final C2sServices services;
  private final C2sSettings settings;
  private final XmlStreamDecoder decoder;
  private C2sSession session;
  private volatile boolean throttled;

  public C2sHandler(C2sServices services, C2sSettings settings, XmlStreamDecoder decoder) {
    this.services = services;
    this.settings = settings;
    this.decoder = decoder;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    C2sConnection connection = new C2sConnection(ctx.channel(), decoder);
    session = new C2sSession(services, settings, connection, () -> unthrottle(ctx));
    session.mailbox().execute(session::start);
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    switch (msg) {
      case XmlStreamEvent.StreamOpened o ->
          session.mailbox().execute(() -> session.onStreamOpen(o.header(), o.namespaces()));
      case XmlStreamEvent.Element e -> session.onElementRead(e.element());
      case XmlStreamEvent.StreamClosed c -> session.mailbox().execute(session::onStreamClosed);
      default -> ctx.fireChannelRead(msg);
    }
    if (session.mailbox().pending() > HIGH_WATERMARK && !throttled) {
      throttled = true;
      ctx.channel().config().setAutoRead(false);
    }
  }

  private void unthrottle(ChannelHandlerContext ctx) {
    if (throttled) {
      throttled = false;
      ctx.executor().execute(() -> ctx.channel().config().setAutoRead(true));
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (session != null) {
      session.mailbox().execute(session::onDisconnected);
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof XmlStreamException e) {
      session.mailbox().execute(() -> session.onParseError(e));
      return;
    }
    Throwable root = cause.getCause() != null ? cause.getCause() : cause;
    if (root instanceof SSLException || cause instanceof IOException) {
      LOG.debug("Client connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    } else {
      LOG.warn("Client connection {} failed", ctx.channel().remoteAddress(), cause);
    }
    ctx.close();
  }
}
