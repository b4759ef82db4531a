package io.meerkat.cets.transport.netty;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/** The transport's own event loops: epoll when the native library loads, NIO otherwise. */
final class TransportLoops {

  private final boolean epoll = Epoll.isAvailable();
  private final EventLoopGroup group;

  TransportLoops(int threads, String nodeName) {
    IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    String poolName = "cets-transport-" + nodeName.replaceAll("[^A-Za-z0-9_.@-]", "_");
    this.group =
        new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(poolName, true), factory);
  }

  EventLoopGroup group() {
    return group;
  }

  Class<? extends ServerChannel> serverChannel() {
    return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  Class<? extends SocketChannel> clientChannel() {
    return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
  }

  boolean usesEpoll() {
    return epoll;
  }

  void shutdown() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
