package io.meerkat.bench.xmpp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opens client connections to one server, or to one of several (the nodes of a cluster), from a
 * rotating list of loopback source addresses (each source address has its own ephemeral port range,
 * so many addresses allow more connections than one). Epoll when available.
 */
public final class Connector implements AutoCloseable {

  private final EventLoopGroup group;
  private final Bootstrap bootstrap;
  private final List<InetSocketAddress> servers;
  private final List<InetAddress> sources;
  private final AtomicLong next = new AtomicLong();

  /**
   * @param servers the servers' c2s addresses, all loopback; {@link #connect(XmppClient, int)}
   *     picks one by index
   * @param sources loopback source addresses (empty: let the kernel choose)
   * @param lingerZero reset connections on close instead of leaving them in TIME_WAIT (login storms
   *     open and close tens of thousands)
   */
  public Connector(
      List<InetSocketAddress> servers, List<InetAddress> sources, int threads, boolean lingerZero) {
    for (InetAddress a : sources) {
      if (!a.isLoopbackAddress()) {
        throw new IllegalArgumentException("source address is not loopback: " + a);
      }
    }
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("no server to connect to");
    }
    for (InetSocketAddress server : servers) {
      if (!server.getAddress().isLoopbackAddress()) {
        throw new IllegalArgumentException("the benchmark only talks to loopback servers");
      }
    }
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    this.group = new MultiThreadIoEventLoopGroup(threads, io);
    this.servers = List.copyOf(servers);
    this.sources = List.copyOf(sources);
    this.bootstrap =
        new Bootstrap()
            .group(group)
            .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
    if (lingerZero) {
      bootstrap.option(ChannelOption.SO_LINGER, 0);
    }
  }

  /**
   * Starts connecting to the first server; the client sees {@code channelActive} when connected.
   */
  public ChannelFuture connect(XmppClient client) {
    return connect(client, 0);
  }

  /** Starts connecting to server {@code index} (of the constructor's list). */
  public ChannelFuture connect(XmppClient client, int index) {
    InetSocketAddress server = servers.get(index);
    Bootstrap b = bootstrap.clone().handler(client);
    if (sources.isEmpty()) {
      return b.connect(server);
    }
    InetAddress source = sources.get((int) (next.getAndIncrement() % sources.size()));
    return b.connect(server, new InetSocketAddress(source, 0));
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }
}
