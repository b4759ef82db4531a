package io.meerkat.server.sm;

import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.StreamError;
import java.util.concurrent.CompletableFuture;

/**
 * How this node reaches sessions owned by other nodes of its cluster. The owning node applies its
 * own delivery rules (receive hooks, session state), so a stanza is forwarded as the router would
 * have handed it to a local session.
 */
public interface RemoteSessions {

  /**
   * Forwards a stanza to the owner of {@code target}; stanzas forwarded by one thread arrive in the
   * order sent.
   *
   * @return false when the owner cannot be reached (no link to it)
   */
  boolean forward(SessionEntry target, XmlElement stanza);

  /**
   * Asks the owner to close {@code target} with {@code reason}.
   *
   * @return completes with true once the session is gone, false when the owner did not have it;
   *     exceptionally when the owner cannot be reached
   */
  CompletableFuture<Boolean> close(SessionEntry target, StreamError reason);

  /** Asks the owner to handle {@code stanza} as if the session's client had sent it. */
  CompletableFuture<Boolean> sendAsClient(SessionEntry target, XmlElement stanza);

  /** A node on its own: there are no other nodes. */
  RemoteSessions NONE =
      new RemoteSessions() {
        @Override
        public boolean forward(SessionEntry target, XmlElement stanza) {
          return false;
        }

        @Override
        public CompletableFuture<Boolean> close(SessionEntry target, StreamError reason) {
          return CompletableFuture.completedFuture(false);
        }

        @Override
        public CompletableFuture<Boolean> sendAsClient(SessionEntry target, XmlElement stanza) {
          return CompletableFuture.completedFuture(false);
        }
      };
}
