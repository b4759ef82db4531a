package io.meerkat.server.http;

import io.meerkat.server.net.EventLoops;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A bound {@code [[listen.http]]} listener. Bodies larger than {@code maxRequestSize} are refused
 * with 413 before they are buffered; idle connections are closed after a minute.
 */
public final class HttpListener implements AutoCloseable {

  static final String SSL = "ssl";
  static final String CODEC = "http-codec";
  static final String KEEP_ALIVE = "http-keep-alive";
  static final String AGGREGATOR = "http-aggregator";
  static final String IDLE = "idle-timeout";
  static final String ROUTER = "http-router";
  private static final int IDLE_SECONDS = 60;

  private final Channel serverChannel;

  private HttpListener(Channel serverChannel) {
    this.serverChannel = serverChannel;
  }

  /**
   * Binds the listener; fails if the port is taken.
   *
   * @param ssl the TLS context for HTTPS, or null for plain HTTP
   * @param blocking runs blocking request work (virtual threads)
   */
  public static HttpListener start(
      EventLoops loops,
      InetAddress address,
      int port,
      SslContext ssl,
      int maxRequestSize,
      List<HttpRoute> routes,
      Executor blocking) {
    Channel channel =
        new ServerBootstrap()
            .group(loops.acceptors(), loops.workers())
            .channel(loops.serverChannel())
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ChannelPipeline p = ch.pipeline();
                    if (ssl != null) {
                      p.addLast(SSL, ssl.newHandler(ch.alloc()));
                    }
                    p.addLast(IDLE, new IdleRequestTimeout(IDLE_SECONDS));
                    p.addLast(CODEC, new HttpServerCodec());
                    p.addLast(KEEP_ALIVE, new HttpServerKeepAliveHandler());
                    p.addLast(AGGREGATOR, new HttpObjectAggregator(maxRequestSize, true));
                    p.addLast(ROUTER, new HttpRouterHandler(List.copyOf(routes), blocking));
                  }
                })
            .bind(new InetSocketAddress(address, port))
            .syncUninterruptibly()
            .channel();
    return new HttpListener(channel);
  }

  /** The port actually bound (useful with port 0). */
  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  @Override
  public void close() {
    serverChannel.close().syncUninterruptibly();
  }

  /**
   * Closes connections that send nothing for a while; streamed responses (SSE) are exempt because
   * the client only listens there.
   */
  private static final class IdleRequestTimeout extends ReadTimeoutHandler {
    IdleRequestTimeout(int seconds) {
      super(seconds, TimeUnit.SECONDS);
    }

    @Override
    protected void readTimedOut(io.netty.channel.ChannelHandlerContext ctx) throws Exception {
      if (!Boolean.TRUE.equals(ctx.channel().attr(HttpExchange.STREAMING).get())) {
        super.readTimedOut(ctx);
      }
    }
  }
}
