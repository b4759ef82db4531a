package io.meerkat.server.modules.vcard;

import io.meerkat.server.auth.UserStore;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.IqType;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.Stanza;
import io.meerkat.xmpp.StanzaError;
import io.meerkat.xmpp.StanzaError.Condition;

/** The XEP-0054 exchanges: a user's own vCard, other users' vCards, and the server's. */
final class VcardIq {

  private final VcardApi api;
  private final UserStore users;

  VcardIq(VcardApi api, UserStore users) {
    this.api = api;
    this.users = users;
  }

  /** An IQ to a user's bare JID (the sender's own when it had no {@code to}). */
  XmlElement user(Jid from, Jid to, XmlElement iq) {
    XmlElement payload = iq.firstElement();
    if (!payload.is("vCard", Namespaces.VCARD)) {
      return error(iq, Condition.BAD_REQUEST, "Expected <vCard xmlns='vcard-temp'/>");
    }
    boolean own = to.equals(from.toBare());
    if (IqType.parse(Stanza.type(iq)) == IqType.SET) {
      if (!own) {
        return error(iq, Condition.FORBIDDEN, "You can only change your own vCard");
      }
      return switch (api.setVcard(to, payload)) {
        case STORED -> Stanza.iqResult(iq, null);
        case TOO_LARGE ->
            error(iq, Condition.NOT_ACCEPTABLE, "The vCard is over " + api.maxSize() + " bytes");
        case NOT_A_VCARD -> error(iq, Condition.BAD_REQUEST, null);
        case UNKNOWN_USER -> error(iq, Condition.SERVICE_UNAVAILABLE, null);
      };
    }
    if (own) {
      // XEP-0054 §3.1: a user without a vCard gets an empty one.
      return Stanza.iqResult(
          iq, api.getVcard(to).orElseGet(() -> XmlElement.empty("vCard", Namespaces.VCARD)));
    }
    // §3.3: the same condition whether the user or only the vCard is missing, so that the
    // answer does not tell which accounts exist.
    return api.getVcard(to)
        .filter(v -> users.exists(to))
        .map(v -> Stanza.iqResult(iq, v))
        .orElseGet(() -> error(iq, Condition.SERVICE_UNAVAILABLE, null));
  }

  /** An IQ to a served domain: the server's own vCard, which nobody can change over XMPP. */
  XmlElement server(Jid from, Jid to, XmlElement iq) {
    XmlElement payload = iq.firstElement();
    if (!payload.is("vCard", Namespaces.VCARD)) {
      return error(iq, Condition.BAD_REQUEST, "Expected <vCard xmlns='vcard-temp'/>");
    }
    if (IqType.parse(Stanza.type(iq)) == IqType.SET) {
      return error(iq, Condition.NOT_ALLOWED, "The server's vCard cannot be changed");
    }
    return Stanza.iqResult(
        iq,
        XmlElement.builder("vCard", Namespaces.VCARD)
            .textChild("FN", "Meerkat")
            .textChild("DESC", "XMPP server for " + to.domain())
            .build());
  }

  private static XmlElement error(XmlElement iq, Condition condition, String text) {
    return Stanza.errorReply(iq, StanzaError.of(condition, text));
  }
}
