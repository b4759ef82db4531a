package io.meerkat.server.modules.blocking;

import io.meerkat.server.hooks.Hooks;
import io.meerkat.server.router.Router;
import io.meerkat.server.sm.ServerPushes;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.server.sm.SessionId;
import io.meerkat.server.sm.SessionManager;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Blocklist pushes (XEP-0191 §3.3, §3.4): after a change every resource of the user that has
 * retrieved its blocklist in this session receives the change as an IQ set. Interest is kept by the
 * node owning the session ({@link ServerPushes}); the module registers {@link #filter}.
 */
final class BlocklistPushes {

  private final SessionManager sessions;
  private final Router router;
  private final ServerPushes interested = new ServerPushes(Namespaces.BLOCKING);
  private final AtomicLong ids = new AtomicLong();

  BlocklistPushes(SessionManager sessions, Router router) {
    this.sessions = sessions;
    this.router = router;
  }

  /** The session retrieved its blocklist and from now on gets pushes. */
  void subscribe(SessionEntry session) {
    interested.interested(session.id());
  }

  void sessionClosed(SessionId id) {
    interested.forget(id);
  }

  /** The receive-hook filter that drops pushes to local sessions that did not ask for them. */
  XmlElement filter(XmlElement stanza, Hooks.Delivery delivery) {
    return interested.filter(stanza, delivery);
  }

  /** Sends {@code payload} ({@code <block/>} or {@code <unblock/>}) to the interested resources. */
  void push(Jid user, XmlElement payload) {
    Jid bare = user.toBare();
    for (SessionEntry s : sessions.sessions(bare)) {
      if (interested.worthSending(sessions, s)) {
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
