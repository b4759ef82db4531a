package io.meerkat.server.roster;

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
 * Roster pushes (RFC 6121 §2.1.6) to the interested resources of a user: the sessions that asked
 * for the roster. Interest is kept by the node owning the session ({@link ServerPushes}) and
 * forgotten when the session ends; the module registers {@link #filter} on the receive hook.
 */
public final class RosterPushes {

  private final SessionManager sessions;
  private final Router router;
  private final boolean versioning;
  private final ServerPushes interested = new ServerPushes(Namespaces.ROSTER);
  private final AtomicLong serial = new AtomicLong();

  public RosterPushes(SessionManager sessions, Router router, boolean versioning) {
    this.sessions = sessions;
    this.router = router;
    this.versioning = versioning;
  }

  /** Whether roster versions (XEP-0237) are sent in results and pushes. */
  public boolean versioning() {
    return versioning;
  }

  /** The session asked for the roster: it gets pushes from now on. */
  public void interested(SessionId session) {
    interested.interested(session);
  }

  public boolean isInterested(SessionId session) {
    return interested.isInterested(session);
  }

  public void forget(SessionId session) {
    interested.forget(session);
  }

  /** The receive-hook filter that drops pushes to local sessions that did not ask for them. */
  public XmlElement filter(XmlElement stanza, Hooks.Delivery delivery) {
    return interested.filter(stanza, delivery);
  }

  /** Sends {@code item} ({@code <item/>} in the roster namespace) to every interested resource. */
  public void push(Jid user, XmlElement item, long version) {
    Jid bare = user.toBare();
    for (SessionEntry s : sessions.sessions(bare)) {
      if (interested.worthSending(sessions, s)) {
        XmlElement query =
            XmlElement.builder("query", Namespaces.ROSTER)
                .attribute("ver", versioning ? Long.toString(version) : null)
                .child(item)
                .build();
        XmlElement iq =
            XmlElement.builder("iq", Namespaces.CLIENT)
                .attribute("type", "set")
                .attribute("id", "push-" + serial.incrementAndGet())
                .attribute("from", bare.toString())
                .attribute("to", s.jid().toString())
                .child(query)
                .build();
        router.route(bare, s.jid(), iq);
      }
    }
  }

  /**
   * Pushes the change from {@code before} to {@code after} if the user's roster shows it (a pending
   * inbound request alone changes nothing the client sees).
   */
  public void pushChange(Jid user, RosterItem before, RosterItem after, long version) {
    boolean wasVisible = before != null && before.visible();
    if (after != null && after.visible()) {
      XmlElement element = after.toElement();
      if (!wasVisible || !before.toElement().equals(element)) {
        push(user, element, version);
      }
    } else if (wasVisible) {
      push(user, RosterItem.removal(before.contact()), version);
    }
  }
}
