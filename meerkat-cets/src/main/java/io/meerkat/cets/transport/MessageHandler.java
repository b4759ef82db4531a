package io.meerkat.cets.transport;

/** Receives the messages of one {@link Channel}. */
@FunctionalInterface
public interface MessageHandler {

  /**
   * Called for each message in the order the sender sent it on that link. Called on the transport's
   * I/O thread for the link: must not block; hand work to another thread.
   *
   * @param from the authenticated sender
   * @param payload the bytes the sender passed to {@link ClusterTransport#send}; owned by the
   *     handler from now on
   */
  void onMessage(NodeId from, byte[] payload);
}
