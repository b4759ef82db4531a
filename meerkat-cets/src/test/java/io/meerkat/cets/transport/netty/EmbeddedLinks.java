package io.meerkat.cets.transport.netty;

import io.meerkat.cets.transport.NodeId;
import io.meerkat.cets.transport.RecordingHandler;
import io.meerkat.cets.transport.RecordingListener;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One side of a link on an {@link EmbeddedChannel}, with its own registry and recorders. */
final class EmbeddedLinks {

  final NodeId local;
  final TransportSettings settings;
  final RecordingListener listener = new RecordingListener();
  final RecordingHandler inbox = new RecordingHandler();
  final LinkRegistry registry;
  final LinkEnvironment env;
  private final List<EmbeddedChannel> channels = new ArrayList<>();

  EmbeddedLinks(String name, String secret, HandshakeGate gate) {
    this.local = new NodeId(name, name.hashCode());
    this.settings =
        TransportSettings.builder(name, secret)
            .heartbeat(Duration.ofSeconds(1), Duration.ofSeconds(5))
            .handshakeTimeout(Duration.ofSeconds(5))
            .build();
    ListenerSet listeners = new ListenerSet();
    listeners.add(listener);
    this.registry = new LinkRegistry(listeners);
    MessageHandlers handlers = new MessageHandlers();
    for (io.meerkat.cets.transport.Channel channel : io.meerkat.cets.transport.Channel.values()) {
      handlers.set(channel, inbox.on(channel));
    }
    this.env =
        new LinkEnvironment(
            local,
            InetSocketAddress.createUnresolved("10.0.0.1", 9100),
            settings,
            new HandshakeAuth(settings.clusterSecret()),
            gate,
            registry,
            handlers);
  }

  EmbeddedLinks(String name) {
    this(name, TestTransports.SECRET, HandshakeGate.OPEN);
  }

  /** A channel opening a link (connectResult receives the outcome). */
  EmbeddedChannel initiator(CompletableFuture<NodeId> connectResult) {
    return channel(true, connectResult);
  }

  /** A channel accepting a link. */
  EmbeddedChannel acceptor() {
    return channel(false, null);
  }

  /** Releases whatever the channels of this side still hold (frames written but never read). */
  void releaseAll() {
    channels.forEach(EmbeddedChannel::finishAndReleaseAll);
    channels.clear();
  }

  private EmbeddedChannel channel(boolean initiator, CompletableFuture<NodeId> result) {
    EmbeddedChannel channel =
        new EmbeddedChannel(
            new ChannelInitializer<Channel>() {
              @Override
              protected void initChannel(Channel ch) {
                FrameDecoder decoder = new FrameDecoder(Frames.HANDSHAKE_FRAME_LIMIT);
                Link link = new Link(ch, initiator, result, registry, settings.outboundLimit());
                ch.pipeline().addLast("frames", decoder);
                ch.pipeline().addLast("handshake", new HandshakeHandler(env, link, decoder));
              }
            });
    channels.add(channel);
    return channel;
  }

  /** Moves bytes both ways until neither side has anything more to say. */
  static void pump(EmbeddedChannel a, EmbeddedChannel b) {
    boolean moved = true;
    while (moved) {
      a.runPendingTasks();
      b.runPendingTasks();
      moved = transfer(a, b) | transfer(b, a);
    }
  }

  private static boolean transfer(EmbeddedChannel from, EmbeddedChannel to) {
    boolean moved = false;
    ByteBuf buf;
    while ((buf = from.readOutbound()) != null) {
      moved = true;
      if (to.isOpen()) {
        to.writeInbound(buf);
      } else {
        buf.release();
      }
    }
    return moved;
  }
}
