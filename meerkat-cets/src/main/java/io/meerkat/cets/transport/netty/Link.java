package io.meerkat.cets.transport.netty;

import io.meerkat.cets.transport.Channel;
import io.meerkat.cets.transport.NodeId;
import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection to a peer, from its first byte to its close.
 *
 * <p>Sending: {@link #send} encodes on the caller's thread and appends to one queue per link that
 * the link's event loop drains in order, writing and flushing in batches. One queue keeps the FIFO
 * order across channels and sender threads; batching makes small messages cheap.
 *
 * <p>Back-pressure: {@code send} never blocks. When the bytes queued towards the peer (in this
 * queue plus Netty's outbound buffer) exceed the outbound limit, the peer is not keeping up with
 * us, and the link is dropped and reported down. Replication treats that like any peer loss (writes
 * complete with fewer replicas, discovery reconnects and the tables re-merge), which is safer than
 * blocking writers of every table behind one slow node or buffering without bound.
 */
final class Link {

  private static final Logger LOG = LoggerFactory.getLogger(Link.class);

  private final io.netty.channel.Channel channel;
  private final boolean initiator;
  private volatile CompletableFuture<NodeId> connectResult;
  private final LinkRegistry registry;
  private final long outboundLimit;
  private final Queue<ByteBuf> outbound = new ConcurrentLinkedQueue<>();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final Runnable drain = this::drain;
  private volatile NodeId peer;
  private volatile InetSocketAddress peerPublished;
  private volatile boolean up;
  private volatile String closeReason;

  /**
   * @param connectResult completed when the link is up, failed when it closes before; null for an
   *     accepted link
   */
  Link(
      io.netty.channel.Channel channel,
      boolean initiator,
      CompletableFuture<NodeId> connectResult,
      LinkRegistry registry,
      long outboundLimit) {
    this.channel = channel;
    this.initiator = initiator;
    this.connectResult = connectResult;
    this.registry = registry;
    this.outboundLimit = outboundLimit;
    channel.closeFuture().addListener(f -> onClosed());
  }

  io.netty.channel.Channel channel() {
    return channel;
  }

  boolean initiator() {
    return initiator;
  }

  CompletableFuture<NodeId> connectResult() {
    return connectResult;
  }

  /**
   * Detaches the connect future from this connection (which lost the one-link arbitration), so that
   * its close does not fail the future; the caller completes it with the winning link.
   */
  CompletableFuture<NodeId> handOverConnectResult() {
    CompletableFuture<NodeId> result = connectResult;
    connectResult = null;
    return result;
  }

  NodeId peer() {
    return peer;
  }

  InetSocketAddress peerPublished() {
    return peerPublished;
  }

  SocketAddress remoteAddress() {
    return channel.remoteAddress();
  }

  boolean isUp() {
    return up;
  }

  void identify(NodeId node, InetSocketAddress published) {
    this.peer = node;
    this.peerPublished = published;
  }

  /** Called by the registry under its lock. */
  void setUp(boolean value) {
    this.up = value;
  }

  /**
   * Queues a message. Returns false when the link is not up; drops the link (and returns false)
   * when the peer has fallen more than the outbound limit behind.
   */
  boolean send(Channel ch, byte[] payload) {
    if (!up || !channel.isActive()) {
      // A closed channel is also unwritable; its closing reports the peer down with the real
      // reason, so it is not mistaken here for a slow peer.
      return false;
    }
    if (!channel.isWritable() || queuedBytes.get() > outboundLimit) {
      close("outbound buffer over limit (peer too slow)");
      return false;
    }
    ByteBuf frame = Frames.data(channel.alloc(), ch, payload);
    queuedBytes.addAndGet(frame.readableBytes());
    outbound.add(frame);
    if (!up) {
      releaseQueued();
      return false;
    }
    if (drainScheduled.compareAndSet(false, true)) {
      channel.eventLoop().execute(drain);
    }
    return true;
  }

  private void drain() {
    drainScheduled.set(false);
    if (!channel.isActive()) {
      releaseQueued();
      return;
    }
    ByteBuf frame;
    boolean wrote = false;
    while ((frame = outbound.poll()) != null) {
      queuedBytes.addAndGet(-frame.readableBytes());
      channel.write(frame, channel.voidPromise());
      wrote = true;
    }
    if (wrote) {
      channel.flush();
    }
  }

  /** Closes the link when {@code gate} no longer admits its peer. */
  void closeIfRefusedBy(HandshakeGate gate) {
    if (!gate.admits(peer)) {
      LOG.info("Closing cluster link to {}: refused by the handshake gate", peer);
      close("refused by the handshake gate");
    }
  }

  /** Records why the link is about to close, if no reason was recorded yet. */
  void noteCloseReason(String reason) {
    if (closeReason == null) {
      closeReason = reason;
    }
  }

  /** Closes the connection; the peer, if up, is reported down with {@code reason} at once. */
  void close(String reason) {
    noteCloseReason(reason);
    registry.markDown(this, reason);
    channel.close();
  }

  private void onClosed() {
    String reason = closeReason != null ? closeReason : "connection closed by peer";
    if (registry.markDown(this, reason)) {
      LOG.info("Cluster link to {} ({}) closed: {}", peer, remoteAddress(), reason);
    }
    releaseQueued();
    CompletableFuture<NodeId> result = connectResult;
    if (result != null && !result.isDone()) {
      result.completeExceptionally(
          new LinkFailedException("Link to " + remoteAddress() + " failed: " + reason));
    }
  }

  private void releaseQueued() {
    ByteBuf frame;
    while ((frame = outbound.poll()) != null) {
      queuedBytes.addAndGet(-frame.readableBytes());
      frame.release();
    }
  }

  @Override
  public String toString() {
    return "Link[" + peer + " " + remoteAddress() + (up ? " up" : "") + "]";
  }
}
