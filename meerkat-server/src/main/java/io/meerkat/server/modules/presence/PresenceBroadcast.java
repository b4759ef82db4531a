package io.meerkat.server.modules.presence;

import io.meerkat.server.hooks.PresenceUpdate;
import io.meerkat.server.roster.ResourcePresences;
import io.meerkat.server.roster.RosterItem;
import io.meerkat.server.roster.RosterStore;
import io.meerkat.server.router.Router;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.server.sm.SessionManager;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.PresenceType;
import io.meerkat.xmpp.Stanza;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Presence broadcast (RFC 6121 §4): a session's presence goes to the contacts subscribed to the
 * user ("from" or "both") and to the user's own available resources; a session that becomes
 * available gets the presence of the contacts the user is subscribed to ("to" or "both"), read from
 * their sessions; a session that goes offline sends unavailable to the same contacts and to those
 * it sent directed presence to. Contacts are local users (no federation yet).
 */
final class PresenceBroadcast {

  private final RosterStore rosters;
  private final SessionManager sessions;
  private final Router router;
  private final DirectedPresence directed;

  PresenceBroadcast(
      RosterStore rosters, SessionManager sessions, Router router, DirectedPresence directed) {
    this.rosters = rosters;
    this.sessions = sessions;
    this.router = router;
    this.directed = directed;
  }

  /** The session changed its own presence (§4.2, §4.4, §4.5). */
  void updated(PresenceUpdate update) {
    SessionEntry after = update.after();
    if (after.available()) {
      List<RosterItem> roster = rosters.items(after.jid().toBare());
      broadcast(after.jid(), update.presence(), subscribers(roster), ownResources(after.jid()));
      if (update.initial()) {
        answerProbes(after.jid(), roster);
        showOwnResources(after.jid());
      }
    } else if (update.before().available()) {
      wentOffline(after, update.presence());
    }
  }

  /**
   * A session went unavailable or away; {@code presence} is what it sent ({@code null} when the
   * connection ended without one).
   */
  void wentOffline(SessionEntry session, XmlElement presence) {
    Jid full = session.jid();
    XmlElement unavailable =
        presence != null ? presence : ResourcePresences.unavailable(full, full.toBare());
    Set<Jid> targets = subscribers(rosters.items(full.toBare()));
    for (Jid to : directed.takeAll(session.id())) {
      if (!targets.contains(to.toBare())) {
        targets.add(to);
      }
    }
    broadcast(full, unavailable, targets, ownResources(full));
  }

  /**
   * A probe reached {@code user} (§4.3.2): a subscribed prober gets the presence of each available
   * resource, or unavailable when there is none; anyone else learns nothing.
   */
  void probed(Jid prober, Jid user) {
    Jid owner = user.toBare();
    boolean subscribed =
        rosters.item(owner, prober.toBare()).map(i -> i.subscription().hasFrom()).orElse(false);
    if (!subscribed) {
      return;
    }
    boolean any = false;
    for (SessionEntry s : sessions.sessions(owner)) {
      if (s.available()) {
        any = true;
        router.route(s.jid(), prober, address(s.presence(), s.jid(), prober));
      }
    }
    if (!any) {
      router.route(owner, prober, ResourcePresences.unavailable(owner, prober));
    }
  }

  private void broadcast(Jid from, XmlElement presence, Set<Jid> contacts, List<Jid> own) {
    for (Jid to : contacts) {
      router.route(from, to, address(presence, from, to));
    }
    for (Jid to : own) {
      router.route(from, to, address(presence, from, to));
    }
  }

  /**
   * Answers the probes the new session's server sends to the user's contacts (§4.2.2, §4.3): each
   * contact the user is subscribed to, and whose own roster still grants it, shows its presence.
   */
  private void answerProbes(Jid full, List<RosterItem> roster) {
    Jid user = full.toBare();
    for (RosterItem item : roster) {
      if (!item.subscription().hasTo()) {
        continue;
      }
      List<SessionEntry> online =
          sessions.sessions(item.contact()).stream().filter(SessionEntry::available).toList();
      if (online.isEmpty() || !grants(item.contact(), user)) {
        continue;
      }
      for (SessionEntry s : online) {
        router.route(s.jid(), full, address(s.presence(), s.jid(), full));
      }
    }
  }

  /** A resource that becomes available learns about the user's other available resources. */
  private void showOwnResources(Jid full) {
    for (SessionEntry s : sessions.sessions(full.toBare())) {
      if (s.available() && !s.jid().equals(full)) {
        router.route(s.jid(), full, address(s.presence(), s.jid(), full));
      }
    }
  }

  private boolean grants(Jid contact, Jid user) {
    return rosters.item(contact, user).map(i -> i.subscription().hasFrom()).orElse(false);
  }

  private static Set<Jid> subscribers(List<RosterItem> roster) {
    Set<Jid> result = new HashSet<>();
    for (RosterItem item : roster) {
      if (item.subscription().hasFrom()) {
        result.add(item.contact());
      }
    }
    return result;
  }

  private List<Jid> ownResources(Jid full) {
    return sessions.sessions(full.toBare()).stream()
        .filter(SessionEntry::available)
        .map(SessionEntry::jid)
        .toList();
  }

  private static XmlElement address(XmlElement presence, Jid from, Jid to) {
    return Stanza.address(presence, from, to);
  }

  /** Whether a presence a client addressed to someone is directed availability. */
  static boolean isAvailability(XmlElement presence) {
    PresenceType type = PresenceType.parse(Stanza.type(presence));
    return type == PresenceType.AVAILABLE || type == PresenceType.UNAVAILABLE;
  }
}
