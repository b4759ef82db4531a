package io.meerkat.server.roster;

import io.meerkat.server.router.Router;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.server.sm.SessionManager;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;

/**
 * Presence a user's server sends on the user's behalf when a subscription starts or ends (RFC 6121
 * §3.1.5, §3.2.2, §3.3.3): the current presence of each available resource, or unavailable from
 * each of them.
 */
public final class ResourcePresences {

  private final SessionManager sessions;
  private final Router router;

  public ResourcePresences(SessionManager sessions, Router router) {
    this.sessions = sessions;
    this.router = router;
  }

  /** The last presence of each of {@code user}'s available resources, addressed to {@code to}. */
  public void sendAvailable(Jid user, Jid to) {
    for (SessionEntry s : sessions.sessions(user.toBare())) {
      if (s.available()) {
        router.route(s.jid(), to, addressed(s.presence(), s.jid(), to));
      }
    }
  }

  /** Unavailable presence from each of {@code user}'s available resources to {@code to}. */
  public void sendUnavailable(Jid user, Jid to) {
    for (SessionEntry s : sessions.sessions(user.toBare())) {
      if (s.available()) {
        router.route(s.jid(), to, unavailable(s.jid(), to));
      }
    }
  }

  /** {@code <presence type='unavailable'/>} from {@code from} to {@code to}. */
  public static XmlElement unavailable(Jid from, Jid to) {
    return XmlElement.builder("presence", Namespaces.CLIENT)
        .attribute("from", from.toString())
        .attribute("to", to.toString())
        .attribute("type", "unavailable")
        .build();
  }

  private static XmlElement addressed(XmlElement presence, Jid from, Jid to) {
    return presence.withAttribute("from", from.toString()).withAttribute("to", to.toString());
  }
}
