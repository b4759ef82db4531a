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

  /** Completes when the session is gone from the session manager. */
  CompletableFuture<Void> closed();
}
