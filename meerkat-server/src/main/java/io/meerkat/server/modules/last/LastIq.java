package io.meerkat.server.modules.last;

import io.meerkat.server.auth.UserStore;
import io.meerkat.server.roster.PresenceVisibility;
import io.meerkat.server.sm.SessionManager;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.IqType;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.Stanza;
import io.meerkat.xmpp.StanzaError;
import io.meerkat.xmpp.StanzaError.Condition;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The XEP-0012 queries: a user's bare JID (time since logout) and a domain (uptime). */
final class LastIq {

  private final LastApi api;
  private final PresenceVisibility visibility;
  private final SessionManager sessions;
  private final UserStore users;
  private final Clock clock;
  private final Instant started;

  LastIq(
      LastApi api,
      PresenceVisibility visibility,
      SessionManager sessions,
      UserStore users,
      Clock clock) {
    this.api = api;
    this.visibility = visibility;
    this.sessions = sessions;
    this.users = users;
    this.clock = clock;
    this.started = clock.instant();
  }

  XmlElement user(Jid from, Jid to, XmlElement iq) {
    if (IqType.parse(Stanza.type(iq)) != IqType.GET) {
      return error(iq, Condition.BAD_REQUEST, "Last activity can only be queried");
    }
    Jid user = to.toBare();
    if (!users.exists(user)) {
      return error(iq, Condition.SERVICE_UNAVAILABLE, null);
    }
    if (!mayView(from.toBare(), user)) {
      return error(iq, Condition.FORBIDDEN, "You are not subscribed to this user's presence");
    }
    if (!sessions.sessions(user).isEmpty()) {
      return result(iq, 0, "");
    }
    Optional<LastActivity> last = api.getLast(user);
    if (last.isEmpty()) {
      // Never logged out since the server records it: there is nothing to tell.
      return error(iq, Condition.SERVICE_UNAVAILABLE, null);
    }
    long seconds = Math.max(0, clock.instant().getEpochSecond() - last.get().timestamp());
    return result(iq, seconds, last.get().status());
  }

  /** The user itself, or a contact the user shares presence with (subscription from/both). */
  private boolean mayView(Jid requester, Jid user) {
    if (requester.equals(user)) {
      return true;
    }
    return visibility.shares(user, requester);
  }

  XmlElement server(Jid from, Jid to, XmlElement iq) {
    if (IqType.parse(Stanza.type(iq)) != IqType.GET) {
      return error(iq, Condition.BAD_REQUEST, "Last activity can only be queried");
    }
    long uptime = Math.max(0, clock.instant().getEpochSecond() - started.getEpochSecond());
    return result(iq, uptime, "");
  }

  private static XmlElement result(XmlElement iq, long seconds, String status) {
    XmlElement.Builder query =
        XmlElement.builder("query", Namespaces.LAST).attribute("seconds", Long.toString(seconds));
    if (!status.isEmpty()) {
      query.text(status);
    }
    return Stanza.iqResult(iq, query.build());
  }

  private static XmlElement error(XmlElement iq, Condition condition, String text) {
    return Stanza.errorReply(iq, StanzaError.of(condition, text));
  }
}
