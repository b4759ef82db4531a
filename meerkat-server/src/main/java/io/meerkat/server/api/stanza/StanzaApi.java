package io.meerkat.server.api.stanza;

import io.meerkat.server.api.ApiException;
import io.meerkat.server.api.ApiServices;
import io.meerkat.server.api.account.AccountApi;
import io.meerkat.server.hooks.StanzaEvent;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.InvalidJidException;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.Stanza;
import java.util.UUID;

/**
 * Sends stanzas on behalf of local users. They take the same path as stanzas the user's client
 * sends (the send hook, then the router), so modules see no difference.
 */
public final class StanzaApi {

  private final ApiServices services;
  private final AccountApi accounts;

  public StanzaApi(ApiServices services, AccountApi accounts) {
    this.services = services;
    this.accounts = accounts;
  }

  /**
   * Sends a message of {@code type} (chat or headline); {@code subject} and {@code body} may be
   * null.
   *
   * @return the id of the sent message
   */
  public String sendMessage(Jid from, Jid to, String type, String subject, String body) {
    accounts.requireUser(from);
    String id = UUID.randomUUID().toString();
    XmlElement.Builder message =
        XmlElement.builder("message", Namespaces.CLIENT)
            .attribute("from", from.toString())
            .attribute("to", to.toString())
            .attribute("type", type)
            .attribute("id", id);
    if (subject != null) {
      message.child(XmlElement.builder("subject", Namespaces.CLIENT).text(subject).build());
    }
    if (body != null) {
      message.child(XmlElement.builder("body", Namespaces.CLIENT).text(body).build());
    }
    route(from, to, message.build());
    return id;
  }

  /**
   * Sends a stanza that names its sender and addressee; an id is added when it has none.
   *
   * @return the stanza's id
   */
  public String sendStanza(XmlElement stanza) {
    Jid from = address(stanza, "from");
    Jid to = address(stanza, "to");
    accounts.requireUser(from);
    String id = Stanza.id(stanza);
    XmlElement toSend = stanza;
    if (id == null || id.isEmpty()) {
      id = UUID.randomUUID().toString();
      toSend = stanza.withAttribute("id", id);
    }
    route(from, to, toSend);
    return id;
  }

  private void route(Jid from, Jid to, XmlElement stanza) {
    XmlElement toRoute =
        services.hooks().userSendPacket.run(stanza, new StanzaEvent(from, to, stanza));
    if (toRoute != null) {
      services.router().route(from, to, toRoute);
    }
  }

  private static Jid address(XmlElement stanza, String attribute) {
    String value = stanza.attribute(attribute);
    if (value == null || value.isEmpty()) {
      throw new ApiException("bad_request", "The stanza needs a '" + attribute + "' attribute");
    }
    try {
      return Jid.parse(value);
    } catch (InvalidJidException e) {
      throw new ApiException("bad_request", "Invalid JID in '" + attribute + "': " + value);
    }
  }
}
