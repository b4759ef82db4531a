package io.meerkat.server.modules.presence;

import io.meerkat.server.sm.SessionId;
import io.meerkat.xmpp.Jid;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who each available session sent directed presence to (RFC 6121 §4.6): those entities get its
 * unavailable presence when it goes offline, even though they are not subscribed.
 */
final class DirectedPresence {

  private final Map<SessionId, Set<Jid>> sent = new ConcurrentHashMap<>();

  void available(SessionId session, Jid to) {
    sent.computeIfAbsent(session, k -> ConcurrentHashMap.newKeySet()).add(to);
  }

  void unavailable(SessionId session, Jid to) {
    sent.computeIfPresent(
        session,
        (k, set) -> {
          set.remove(to);
          return set.isEmpty() ? null : set;
        });
  }

  /** Forgets the session's recipients and returns them. */
  Set<Jid> takeAll(SessionId session) {
    Set<Jid> recipients = sent.remove(session);
    return recipients == null ? Set.of() : recipients;
  }
}
