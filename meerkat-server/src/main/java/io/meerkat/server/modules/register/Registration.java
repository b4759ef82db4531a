package io.meerkat.server.modules.register;

import io.meerkat.server.config.ModuleOptions;
import io.meerkat.server.config.spec.ConfigValues;
import io.meerkat.server.module.ModuleContext;
import io.meerkat.server.storage.DatabaseException;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.InvalidJidException;
import io.meerkat.xmpp.IqType;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.Stanza;
import io.meerkat.xmpp.StanzaError;
import io.meerkat.xmpp.StanzaError.Condition;
import io.meerkat.xmpp.StreamError;
import java.net.InetAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The XEP-0077 exchanges: registration form, account creation, password change, removal. */
final class Registration {

  private static final Logger LOG = LoggerFactory.getLogger(Registration.class);

  private final ModuleContext context;
  private final IpAccess ipAccess;
  private final String accessRule;
  private final long minimumBits;
  private final String welcomeSubject;
  private final String welcomeBody;
  private final List<String> watchers;

  @SuppressWarnings("unchecked")
  Registration(ModuleContext context, ModuleOptions options, IpAccess ipAccess) {
    this.context = context;
    this.ipAccess = ipAccess;
    this.accessRule = options.get("access", String.class);
    this.minimumBits = options.get("password_strength", Long.class);
    ConfigValues welcome = options.get("welcome_message", ConfigValues.class);
    this.welcomeSubject = welcome.string("subject");
    this.welcomeBody = welcome.string("body");
    this.watchers = options.get("registration_watchers", List.class);
  }

  boolean mayRegisterFrom(InetAddress client) {
    return ipAccess.allows(client);
  }

  /** An IQ from a client that has not authenticated. */
  XmlElement beforeAuth(XmlElement iq, String domain, InetAddress client) {
    IqType type = IqType.parse(Stanza.type(iq));
    if (type == IqType.GET) {
      return Stanza.iqResult(iq, form());
    }
    XmlElement query = iq.firstElement();
    if (query.child("remove", Namespaces.REGISTER) != null) {
      return error(iq, Condition.NOT_AUTHORIZED, "Log in to remove your account");
    }
    if (!ipAccess.allows(client)) {
      return error(iq, Condition.NOT_ALLOWED, "Registration is not allowed from your address");
    }
    String username = query.childText("username", Namespaces.REGISTER);
    String password = query.childText("password", Namespaces.REGISTER);
    if (username == null || username.isBlank() || password == null || password.isEmpty()) {
      return error(iq, Condition.NOT_ACCEPTABLE, "Username and password are required");
    }
    Jid user;
    try {
      user = Jid.bare(username.strip(), domain);
    } catch (InvalidJidException e) {
      return error(iq, Condition.JID_MALFORMED, "Invalid username");
    }
    if (!context.access().allows(accessRule, user)) {
      return error(iq, Condition.FORBIDDEN, "Registration of this account is not allowed");
    }
    XmlElement weak = checkStrength(iq, password);
    if (weak != null) {
      return weak;
    }
    try {
      if (!context.users().register(user, password)) {
        return error(iq, Condition.CONFLICT, "The username is taken");
      }
    } catch (IllegalArgumentException e) {
      return error(iq, Condition.NOT_ACCEPTABLE, "The password contains forbidden characters");
    } catch (DatabaseException e) {
      LOG.error("Registration of {} failed", user, e);
      return error(iq, Condition.INTERNAL_SERVER_ERROR, null);
    }
    LOG.info("Registered {} from {}", user, client.getHostAddress());
    context.hooks().userRegistered.run(null, user);
    welcome(user);
    return Stanza.iqResult(iq, null);
  }

  /** An IQ to the server from an authenticated user. */
  XmlElement afterAuth(Jid from, Jid to, XmlElement iq) {
    Jid user = from.toBare();
    XmlElement query = iq.firstElement();
    if (IqType.parse(Stanza.type(iq)) == IqType.GET) {
      return Stanza.iqResult(
          iq,
          XmlElement.builder("query", Namespaces.REGISTER)
              .child(XmlElement.empty("registered", Namespaces.REGISTER))
              .textChild("username", user.localpart())
              .child(XmlElement.empty("password", Namespaces.REGISTER))
              .build());
    }
    if (query.child("remove", Namespaces.REGISTER) != null) {
      return remove(from, iq);
    }
    String username = query.childText("username", Namespaces.REGISTER);
    String password = query.childText("password", Namespaces.REGISTER);
    if (password == null || password.isEmpty()) {
      return error(iq, Condition.BAD_REQUEST, "A new password is required");
    }
    if (username != null && !username.strip().equalsIgnoreCase(user.localpart())) {
      return error(iq, Condition.BAD_REQUEST, "You can only change your own password");
    }
    XmlElement weak = checkStrength(iq, password);
    if (weak != null) {
      return weak;
    }
    try {
      context.users().changePassword(user, password);
    } catch (IllegalArgumentException e) {
      return error(iq, Condition.NOT_ACCEPTABLE, "The password contains forbidden characters");
    }
    return Stanza.iqResult(iq, null);
  }

  private XmlElement remove(Jid from, XmlElement iq) {
    Jid user = from.toBare();
    context.hooks().userRemoved.run(null, user);
    context.users().remove(user);
    LOG.info("Account {} removed by its owner", user);
    context.router().route(Jid.ofDomain(user.domain()), from, Stanza.iqResult(iq, null));
    context
        .sessions()
        .kick(user, StreamError.of(StreamError.Condition.NOT_AUTHORIZED, "Account removed"));
    return null;
  }

  private XmlElement checkStrength(XmlElement iq, String password) {
    if (minimumBits > 0 && PasswordStrength.bits(password) < minimumBits) {
      return error(iq, Condition.NOT_ACCEPTABLE, "The password is too weak");
    }
    return null;
  }

  private void welcome(Jid user) {
    Jid server = Jid.ofDomain(user.domain());
    if (!welcomeBody.isEmpty()) {
      XmlElement message =
          XmlElement.builder("message", Namespaces.CLIENT)
              .attribute("from", server.toString())
              .attribute("to", user.toString())
              .attribute("type", "normal")
              .child(XmlElement.builder("subject", Namespaces.CLIENT).text(welcomeSubject).build())
              .child(XmlElement.builder("body", Namespaces.CLIENT).text(welcomeBody).build())
              .build();
      context.router().route(server, user, message);
    }
    for (String watcher : watchers) {
      Jid to = Jid.parseOrNull(watcher);
      if (to != null) {
        context
            .router()
            .route(
                server,
                to,
                XmlElement.builder("message", Namespaces.CLIENT)
                    .attribute("from", server.toString())
                    .attribute("to", to.toString())
                    .attribute("type", "chat")
                    .child(
                        XmlElement.builder("body", Namespaces.CLIENT)
                            .text(
                                "["
                                    + java.time.Instant.now()
                                    + "] The account "
                                    + user
                                    + " was registered")
                            .build())
                    .build());
      }
    }
  }

  private static XmlElement form() {
    return XmlElement.builder("query", Namespaces.REGISTER)
        .child(
            XmlElement.builder("instructions", Namespaces.REGISTER)
                .text("Choose a username and password to register with this server.")
                .build())
        .child(XmlElement.empty("username", Namespaces.REGISTER))
        .child(XmlElement.empty("password", Namespaces.REGISTER))
        .build();
  }

  private static XmlElement error(XmlElement iq, Condition condition, String text) {
    return Stanza.errorReply(iq, StanzaError.of(condition, text));
  }
}
