package io.meerkat.server.roster;

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
 * Roster pushes (RFC 6121 §2.1.6) to the interested resources of a user: the sessions that asked
 * for the roster. Interest is kept per session on this node and forgotten when the session ends.
 */
public final class RosterPushes {

  private final SessionManager sessions;
  private final Router router;
  private final boolean versioning;
  private final Set<SessionId> interested = ConcurrentHashMap.newKeySet();
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
    interested.add(session);
  }

  public boolean isInterested(SessionId session) {
    return interested.contains(session);
  }

  public void forget(SessionId session) {
    interested.remove(session);
  }

  /** Sends {@code item} ({@code <item/>} in the roster namespace) to every interested resource. */
  public void push(Jid user, XmlElement item, long version) {
    Jid bare = user.toBare();
    for (SessionEntry s : sessions.sessions(bare)) {
      if (interested.contains(s.id())) {
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
