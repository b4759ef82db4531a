package io.meerkat.server.net;

import io.meerkat.server.c2s.C2sServices;
import io.meerkat.server.c2s.C2sSettings;
import io.meerkat.server.config.C2sListenerConfig;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import java.net.InetSocketAddress;

/** A bound client listener. */
public final class C2sListener implements AutoCloseable {

  private final Channel serverChannel;
  private final ConnectionLimiter limiter;

  private C2sListener(Channel serverChannel, ConnectionLimiter limiter) {
    this.serverChannel = serverChannel;
    this.limiter = limiter;
  }

  /** Binds the listener; fails if the port is taken. */
  public static C2sListener start(
      EventLoops loops,
      C2sListenerConfig config,
      C2sServices services,
      C2sSettings settings,
      long shaperBytesPerSecond) {
    ConnectionLimiter limiter = new ConnectionLimiter(config.maxConnections());
    Channel channel =
        new ServerBootstrap()
            .group(loops.acceptors(), loops.workers())
            .channel(loops.serverChannel())
            .option(ChannelOption.SO_BACKLOG, config.backlog())
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childHandler(
                new C2sChannelInitializer(services, settings, shaperBytesPerSecond, limiter))
            .bind(new InetSocketAddress(config.ipAddress(), config.port()))
            .syncUninterruptibly()
            .channel();
    return new C2sListener(channel, limiter);
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  public int openConnections() {
    return limiter.open();
  }

  @Override
  public void close() {
    serverChannel.close().syncUninterruptibly();
  }
}
