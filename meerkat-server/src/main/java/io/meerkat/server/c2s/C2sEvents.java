package io.meerkat.server.c2s;

import io.meerkat.xmpp.Jid;

/**
 * What client connections report for monitoring (metrics subscribe here). Calls come from session
 * threads and must not block.
 */
public interface C2sEvents {

  void connectionOpened();

  void connectionClosed();

  void authSucceeded(Jid user, String mechanism);

  void authFailed(String domain, String mechanism, String reason);

  /** A stanza arrived from a client ({@code message}, {@code presence}, {@code iq}). */
  void stanzaIn(String kind);

  /** A stanza was written to a client. */
  void stanzaOut(String kind);

  C2sEvents NONE =
      new C2sEvents() {
        @Override
        public void connectionOpened() {}

        @Override
        public void connectionClosed() {}

        @Override
        public void authSucceeded(Jid user, String mechanism) {}

        @Override
        public void authFailed(String domain, String mechanism, String reason) {}

        @Override
        public void stanzaIn(String kind) {}

        @Override
        public void stanzaOut(String kind) {}
      };
}
