package io.meerkat.cets.transport;

import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The links between the nodes of a cluster: at most one authenticated link per pair of nodes, each
 * carrying every {@link Channel} in one FIFO order per direction.
 *
 * <p>Contract that the replication layer relies on:
 *
 * <ul>
 *   <li>{@link #send} never opens a link: a message to a node without a link is dropped and {@code
 *       false} returned. Links are opened only by {@link #connect} (discovery's job) or by a peer
 *       connecting to us.
 *   <li>Messages from one sender to one receiver are delivered in the order sent, or not at all
 *       after the point where the link failed; a failed link always surfaces as {@link
 *       TransportListener#nodeDown} (also when detected by missed heartbeats).
 *   <li>A node restarted under the same name has a new {@link NodeId}; when its new link comes up,
 *       the old incarnation is reported down first.
 * </ul>
 */
public interface ClusterTransport extends AutoCloseable {

  /** This node's identity. */
  NodeId localNode();

  /** The address other nodes use to reach this node (what discovery publishes). */
  InetSocketAddress publishedAddress();

  /**
   * Opens an authenticated link to the node listening at {@code address}, or returns the link
   * already open to it.
   *
   * @return completes with the peer's identity once the link is up; completes exceptionally when
   *     the peer is unreachable, refuses our credentials, or turns out to be this node
   */
  CompletableFuture<NodeId> connect(InetSocketAddress address);

  /**
   * Queues {@code payload} for {@code to} on {@code channel}. Does not block.
   *
   * @return false when there is no link to {@code to} (nothing is sent, no link is opened)
   */
  boolean send(NodeId to, Channel channel, byte[] payload);

  /** The nodes with an open, authenticated link. */
  Set<NodeId> connectedNodes();

  /**
   * Sets the handler for one channel. A peer's messages are not lost just because they arrived
   * before the handler was set (a node links as soon as it listens): an implementation either holds
   * them and gives them to the handler first, in order, or admits no link until the replication
   * handler is set.
   */
  void setHandler(Channel channel, MessageHandler handler);

  void addListener(TransportListener listener);

  void removeListener(TransportListener listener);

  /** Closes the link to {@code node}, if any; the listeners see it go down. */
  void disconnect(NodeId node);

  /**
   * Closes every link and stops listening; each peer that was up is reported down. Closing again
   * does nothing.
   */
  @Override
  void close();
}
