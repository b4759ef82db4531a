package io.meerkat.cets.transport.netty;

import io.meerkat.cets.transport.Channel;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.AbstractScheduledEventExecutor;
import io.netty.util.concurrent.Ticker;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An authenticated link: delivers DATA frames to the channel handlers in order, answers PINGs, and
 * sends its own PING every heartbeat interval. The peer counts as alive while PONGs or data keep
 * arriving; after the heartbeat timeout without either, the link is closed as {@code "heartbeat
 * timeout"}, also when TCP itself still looks healthy (a frozen process, a black-holed route). A
 * peer's PINGs do not count: a peer that sends but no longer reads is not healthy.
 */
final class LinkHandler extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(LinkHandler.class);

  private final LinkEnvironment env;
  private final Link link;
  private final long timeoutNanos;
  private Ticker ticker = Ticker.systemTicker();
  private long lastHeard;
  private ScheduledFuture<?> heartbeat;

  LinkHandler(LinkEnvironment env, Link link) {
    this.env = env;
    this.link = link;
    this.timeoutNanos = env.settings().heartbeatTimeout().toNanos();
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    // the event loop's clock, so that tests on a mock clock see heartbeats in their time
    if (ctx.executor() instanceof AbstractScheduledEventExecutor executor) {
      ticker = executor.ticker();
    }
    lastHeard = ticker.nanoTime();
    long interval = env.settings().heartbeatInterval().toNanos();
    heartbeat =
        ctx.executor()
            .scheduleAtFixedRate(() -> tick(ctx), interval, interval, TimeUnit.NANOSECONDS);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    heartbeat.cancel(false);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    heartbeat.cancel(false);
    ctx.fireChannelInactive();
  }

  private void tick(ChannelHandlerContext ctx) {
    long silent = ticker.nanoTime() - lastHeard;
    if (silent > timeoutNanos) {
      LOG.warn(
          "No heartbeat answer from {} ({}) for {} ms; closing the link",
          link.peer(),
          link.remoteAddress(),
          TimeUnit.NANOSECONDS.toMillis(silent));
      link.close("heartbeat timeout");
      return;
    }
    ctx.writeAndFlush(Frames.signal(ctx.alloc(), Frames.PING), ctx.voidPromise());
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf body = (ByteBuf) msg;
    try {
      byte type = body.readByte();
      switch (type) {
        case Frames.DATA -> onData(body);
        case Frames.PING ->
            ctx.writeAndFlush(Frames.signal(ctx.alloc(), Frames.PONG), ctx.voidPromise());
        case Frames.PONG -> lastHeard = ticker.nanoTime();
        default -> throw new MalformedFrameException("unexpected frame type " + type);
      }
    } finally {
      body.release();
    }
  }

  private void onData(ByteBuf body) {
    lastHeard = ticker.nanoTime();
    Channel channel = Frames.channel(Frames.readableOrFail(body, 1).readUnsignedByte());
    if (channel == null) {
      throw new MalformedFrameException("unknown channel");
    }
    byte[] payload = ByteBufUtil.getBytes(body);
    if (link.isUp()) {
      env.handlers().deliver(link.peer(), channel, payload);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (!ctx.channel().isWritable()) {
      LOG.warn("Outbound buffer to {} over its limit; dropping the link", link.peer());
      link.close("outbound buffer over limit (peer too slow)");
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!ctx.channel().isActive()) {
      LOG.debug("After {} closed: {}", link.peer(), cause.toString());
      return;
    }
    LOG.warn(
        "Closing cluster link to {} ({}): {}", link.peer(), link.remoteAddress(), cause.toString());
    link.close("protocol error: " + cause.getMessage());
  }
}
