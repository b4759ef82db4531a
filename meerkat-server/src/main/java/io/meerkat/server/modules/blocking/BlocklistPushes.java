package io.meerkat.server.modules.blocking;

import io.meerkat.server.router.Router;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.server.sm.SessionId;
import io.meerkat.server.sm.SessionManager;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Blocklist pushes (XEP-0191 §3.3, §3.4): after a change every resource of the user that has
 * retrieved its blocklist in this session receives the change as an IQ set.
 */
final class BlocklistPushes {

  private final SessionManager sessions;
  private final Router router;
  private final Set<SessionId> interested = ConcurrentHashMap.newKeySet();
  private final AtomicLong ids = new AtomicLong();

  BlocklistPushes(SessionManager sessions, Router router) {
    this.sessions = sessions;
    this.router = router;
  }

  /** The session retrieved its blocklist and from now on gets pushes. */
  void subscribe(SessionEntry session) {
    interested.add(session.id());
  }

  void sessionClosed(SessionId id) {
    interested.remove(id);
  }

  /** Sends {@code payload} ({@code <block/>} or {@code <unblock/>}) to the interested resources. */
  void push(Jid user, XmlElement payload) {
    Jid bare = user.toBare();
    for (SessionEntry s : sessions.sessions(bare)) {
      if (interested.contains(s.id())) {
        XmlElement iq =
            XmlElement.builder("iq", Namespaces.CLIENT)
                .attribute("type", "set")
                .attribute("id", "block-push-" + ids.incrementAndGet())
                .attribute("from", bare.toString())
                .attribute("to", s.jid().toString())
                .child(payload)
                .build();
        router.route(bare, s.jid(), iq);
      }
    }
  }
}
