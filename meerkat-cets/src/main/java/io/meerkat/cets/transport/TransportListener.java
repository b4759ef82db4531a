package io.meerkat.cets.transport;

/**
 * Learns when links come up and go down. Called on a transport thread: must not block.
 *
 * <p>For one peer, up and down alternate, starting with up; a {@code nodeDown} is always delivered
 * for a peer that was up, whether the link closed, failed its heartbeats, or was closed locally.
 */
public interface TransportListener {

  /** An authenticated link to {@code node} is open; messages to it can be sent. */
  void nodeUp(NodeId node);

  /**
   * The link to {@code node} is gone. Messages sent to it before and not yet delivered may be lost.
   *
   * @param reason why, for logs (for example {@code "heartbeat timeout"}, {@code "closed"})
   */
  void nodeDown(NodeId node, String reason);
}
