package io.meerkat.server.router;

import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Stanza;
import io.meerkat.xmpp.StanzaError;

/** Delivers stanzas by their addressee. */
public interface Router {

  /**
   * Routes a stanza. {@code from} is the server-stamped sender and equals the stanza's {@code
   * from}; {@code to} is its addressee. Undeliverable stanzas are answered with an error to the
   * sender (never an error in reply to an error).
   */
  void route(Jid from, Jid to, XmlElement stanza);

  /**
   * Hands a stanza to one connected resource as it is, without the routing rules (no presence or
   * subscription processing): for stanzas a module already processed for that user, such as a
   * stored subscription request delivered at login.
   *
   * @return false when that resource has no session
   */
  boolean deliverToResource(Jid full, XmlElement stanza);

  /** Sends the error reply to {@code stanza} back to its sender, unless it is an error itself. */
  default void bounce(XmlElement stanza, StanzaError error) {
    if (Stanza.isError(stanza) || stanza.attribute("from") == null) {
      return;
    }
    XmlElement reply = Stanza.errorReply(stanza, error);
    Jid replyFrom = Jid.parseOrNull(reply.attribute("from"));
    Jid replyTo = Jid.parseOrNull(reply.attribute("to"));
    if (replyTo != null) {
      route(replyFrom, replyTo, reply);
    }
  }
}
