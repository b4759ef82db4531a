package io.meerkat.server.sm;

import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.StreamError;
import java.util.concurrent.CompletableFuture;

/** The live side of a session on this node: how the rest of the server reaches its client. */
public interface SessionHandle {

  SessionEntry entry();

  /** Queues a stanza for the client; never blocks. */
  void deliver(XmlElement stanza);

  /** Ends the session with a stream error (for example {@code conflict} when replaced). */
  void close(StreamError reason);

  /**
   * Handles {@code stanza} as if the session's client had sent it, in order with what the client
   * sends (for an administrator acting for the user, e.g. changing the session's presence).
   *
   * @return completes with true once the stanza was handled, false when this session cannot act for
   *     a client (it has none, or is closing)
   */
  default CompletableFuture<Boolean> sendAsClient(XmlElement stanza) {
    return CompletableFuture.completedFuture(false);
  }

  /** Completes when the session is gone from the session manager. */
  CompletableFuture<Void> closed();
}
