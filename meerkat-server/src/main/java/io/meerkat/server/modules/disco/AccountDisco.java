package io.meerkat.server.modules.disco;

import io.meerkat.server.auth.UserStore;
import io.meerkat.server.roster.PresenceVisibility;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.Stanza;
import io.meerkat.xmpp.StanzaError;
import io.meerkat.xmpp.StanzaError.Condition;
import java.util.List;

/**
 * Service discovery of an account's bare JID, answered by the server on the user's behalf (RFC 6120
 * §10.5.3.1). Only the user and contacts with a subscription to the user's presence learn that the
 * account exists; everyone else gets {@code service-unavailable}, exactly as for an account that
 * does not exist (RFC 6121 §8.5.1).
 */
final class AccountDisco {

  private static final DiscoInfo ACCOUNT =
      DiscoInfo.of(
          DiscoInfo.Identity.of("account", "registered", null),
          List.of(Namespaces.DISCO_INFO, Namespaces.DISCO_ITEMS));

  private final UserStore users;
  private final PresenceVisibility visibility;

  AccountDisco(UserStore users, PresenceVisibility visibility) {
    this.users = users;
    this.visibility = visibility;
  }

  XmlElement info(Jid from, Jid to, XmlElement iq) {
    XmlElement refused = check(from, to, iq);
    if (refused != null) {
      return refused;
    }
    return Stanza.iqResult(iq, ACCOUNT.toQuery(null));
  }

  XmlElement items(Jid from, Jid to, XmlElement iq) {
    XmlElement refused = check(from, to, iq);
    if (refused != null) {
      return refused;
    }
    return Stanza.iqResult(iq, XmlElement.empty("query", Namespaces.DISCO_ITEMS));
  }

  private XmlElement check(Jid from, Jid to, XmlElement iq) {
    Jid user = to.toBare();
    if (!allowed(from.toBare(), user)) {
      return Stanza.errorReply(iq, StanzaError.of(Condition.SERVICE_UNAVAILABLE));
    }
    if (iq.firstElement().attribute("node") != null) {
      return Stanza.errorReply(iq, StanzaError.of(Condition.ITEM_NOT_FOUND, "No such node"));
    }
    return null;
  }

  private boolean allowed(Jid requester, Jid user) {
    if (!users.exists(user)) {
      return false;
    }
    if (requester.equals(user)) {
      return true;
    }
    return visibility.shares(user, requester);
  }
}
