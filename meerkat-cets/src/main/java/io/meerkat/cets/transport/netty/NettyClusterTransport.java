package io.meerkat.cets.transport.netty;

import io.meerkat.cets.transport.Channel;
import io.meerkat.cets.transport.ClusterTransport;
import io.meerkat.cets.transport.MessageHandler;
import io.meerkat.cets.transport.NodeId;
import io.meerkat.cets.transport.TransportListener;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster transport on Netty: a full mesh of authenticated TCP (optionally TLS) links, one per
 * pair of nodes, each multiplexing every {@link Channel} in one FIFO order per direction.
 *
 * <p>Threads: handlers and listeners run on the link's I/O thread; {@link #connect}'s future
 * completes there too. {@link #disconnect} and {@link #close} report the lost peers on the calling
 * thread before returning.
 *
 * <p>See {@link HandshakeHandler} for the handshake, {@link LinkRegistry} for how one link per pair
 * is kept, {@link Link} for back-pressure, {@link LinkHandler} for heartbeats.
 */
public final class NettyClusterTransport implements ClusterTransport {

  private static final Logger LOG = LoggerFactory.getLogger(NettyClusterTransport.class);

  private final TransportSettings settings;
  private final HandshakeGate gate;
  private final NodeId localNode;
  private final TransportLoops loops;
  private final ListenerSet listeners = new ListenerSet();
  private final MessageHandlers handlers = new MessageHandlers();
  private final LinkRegistry registry = new LinkRegistry(listeners);
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final io.netty.channel.Channel server;
  private volatile LinkEnvironment env;
  private volatile boolean closed;

  private NettyClusterTransport(TransportSettings settings, HandshakeGate gate) {
    this.settings = settings;
    this.gate = Objects.requireNonNull(gate, "gate");
    this.localNode = new NodeId(settings.nodeName(), new SecureRandom().nextLong());
    this.loops = new TransportLoops(settings.ioThreads(), settings.nodeName());
    try {
      this.server =
          new ServerBootstrap()
              .group(loops.group())
              .channel(loops.serverChannel())
              .option(ChannelOption.SO_REUSEADDR, true)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
              .childHandler(initializer(null))
              .bind(settings.listenAddress())
              .syncUninterruptibly()
              .channel();
    } catch (Exception e) { // Netty rethrows the bind's IOException unchecked
      loops.shutdown();
      throw new IllegalStateException(
          "Cannot listen for cluster links on " + settings.listenAddress() + ": " + e, e);
    }
    InetSocketAddress published =
        publishedAddress(settings, (InetSocketAddress) server.localAddress());
    this.env =
        new LinkEnvironment(
            localNode,
            published,
            settings,
            new HandshakeAuth(settings.clusterSecret()),
            gate,
            registry,
            handlers);
    LOG.info(
        "Cluster transport of {} listening on {} (published {}, {}{})",
        localNode,
        server.localAddress(),
        published,
        loops.usesEpoll() ? "epoll" : "nio",
        settings.tls() != null ? ", TLS" : "");
  }

  /** Starts listening with every peer admitted. */
  public static NettyClusterTransport start(TransportSettings settings) {
    return start(settings, HandshakeGate.OPEN);
  }

  /**
   * Starts listening.
   *
   * @throws IllegalStateException when the listen address cannot be bound
   */
  public static NettyClusterTransport start(TransportSettings settings, HandshakeGate gate) {
    return new NettyClusterTransport(settings, gate);
  }

  @Override
  public NodeId localNode() {
    return localNode;
  }

  @Override
  public InetSocketAddress publishedAddress() {
    return env.published();
  }

  /** The address actually bound (differs from the configured one when its port was 0). */
  public InetSocketAddress boundAddress() {
    return (InetSocketAddress) server.localAddress();
  }

  public TransportSettings settings() {
    return settings;
  }

  public HandshakeGate gate() {
    return gate;
  }

  @Override
  public CompletableFuture<NodeId> connect(InetSocketAddress address) {
    if (closed) {
      return CompletableFuture.failedFuture(new LinkFailedException("transport closed"));
    }
    NodeId existing = registry.publishing(address);
    if (existing != null) {
      return CompletableFuture.completedFuture(existing);
    }
    CompletableFuture<NodeId> result = new CompletableFuture<>();
    new Bootstrap()
        .group(loops.group())
        .channel(loops.clientChannel())
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.handshakeTimeout().toMillis())
        .handler(initializer(result))
        .connect(address)
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                result.completeExceptionally(
                    new LinkFailedException("Cannot connect to " + address, f.cause()));
              }
            });
    return result;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when {@code payload} is larger than the max frame size
   */
  @Override
  public boolean send(NodeId to, Channel channel, byte[] payload) {
    if (payload.length > settings.maxFrameSize()) {
      throw new IllegalArgumentException(
          "Message of " + payload.length + " bytes exceeds the max frame size");
    }
    Link link = registry.get(to);
    return link != null && link.send(channel, payload);
  }

  @Override
  public Set<NodeId> connectedNodes() {
    return registry.nodes();
  }

  @Override
  public void setHandler(Channel channel, MessageHandler handler) {
    handlers.set(channel, handler);
  }

  @Override
  public void addListener(TransportListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(TransportListener listener) {
    listeners.remove(listener);
  }

  @Override
  public void disconnect(NodeId node) {
    Link link = registry.get(node);
    if (link != null) {
      link.close("disconnected locally");
    }
  }

  /** Closes the links of every peer the gate no longer admits (they are reported down). */
  public void enforceGate() {
    for (Link link : registry.links()) {
      link.closeIfRefusedBy(gate);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    server.close().syncUninterruptibly();
    for (Link link : registry.links()) {
      link.close("transport closed");
    }
    channels.close().awaitUninterruptibly();
    registry.failWaiters("transport closed");
    loops.shutdown();
    LOG.info("Cluster transport of {} closed", localNode);
  }

  /** The connection of the link with {@code node}, or null; for tests and diagnostics. */
  io.netty.channel.Channel linkChannel(NodeId node) {
    Link link = registry.get(node);
    return link != null ? link.channel() : null;
  }

  /** The I/O threads; tests use it to freeze a node. */
  io.netty.channel.EventLoopGroup ioGroup() {
    return loops.group();
  }

  private ChannelInitializer<SocketChannel> initializer(CompletableFuture<NodeId> connectResult) {
    boolean initiator = connectResult != null;
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(SocketChannel ch) {
        LinkEnvironment env = NettyClusterTransport.this.env;
        if (closed || env == null) {
          // closing, or a connection that raced the listener's start-up
          ch.close();
          return;
        }
        channels.add(ch);
        TransportTls tls = settings.tls();
        if (tls != null) {
          ch.pipeline()
              .addLast(
                  "tls",
                  initiator
                      ? tls.client().newHandler(ch.alloc())
                      : tls.server().newHandler(ch.alloc()));
        }
        FrameDecoder decoder = new FrameDecoder(Frames.HANDSHAKE_FRAME_LIMIT);
        Link link = new Link(ch, initiator, connectResult, registry, settings.outboundLimit());
        ch.pipeline().addLast("frames", decoder);
        ch.pipeline().addLast("handshake", new HandshakeHandler(env, link, decoder));
      }
    };
  }

  private WriteBufferWaterMark waterMark() {
    long high = Math.min(settings.outboundLimit(), Integer.MAX_VALUE);
    return new WriteBufferWaterMark((int) (high / 2), (int) high);
  }

  private static InetSocketAddress publishedAddress(
      TransportSettings settings, InetSocketAddress bound) {
    if (settings.publishedAddress() != null) {
      return settings.publishedAddress();
    }
    if (!bound.getAddress().isAnyLocalAddress()) {
      return bound;
    }
    try {
      InetSocketAddress guessed =
          new InetSocketAddress(InetAddress.getLocalHost(), bound.getPort());
      if (guessed.getAddress().isLoopbackAddress()) {
        LOG.warn(
            "Publishing loopback address {} for the cluster transport: other hosts cannot reach"
                + " it; set a published address",
            guessed);
      }
      return guessed;
    } catch (UnknownHostException e) {
      throw new UncheckedIOException(
          "The listener is a wildcard and the host's address is unknown: set a published address",
          e);
    }
  }
}
