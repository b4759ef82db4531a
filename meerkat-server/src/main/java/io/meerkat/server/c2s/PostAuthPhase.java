package io.meerkat.server.c2s;

import io.meerkat.server.hooks.PresenceUpdate;
import io.meerkat.server.hooks.StanzaEvent;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.InvalidJidException;
import io.meerkat.xmpp.IqType;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.PresenceType;
import io.meerkat.xmpp.Stanza;
import io.meerkat.xmpp.StanzaError;
import io.meerkat.xmpp.StanzaError.Condition;
import io.meerkat.xmpp.StreamError;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * After authentication: resource binding, the legacy session IQ, then every stanza the client sends
 * is checked ({@code from}), stamped and routed.
 */
final class PostAuthPhase {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final C2sSession session;
  private final C2sServices services;
  private final C2sSettings settings;
  private final C2sConnection connection;
  private final Jid user;
  private SessionEntry entry;

  /** Whether the initial presence hook ran (it runs once per session, RFC 6121 §4.2). */
  private boolean initialPresenceSent;

  PostAuthPhase(
      C2sSession session,
      C2sServices services,
      C2sSettings settings,
      C2sConnection connection,
      Jid user) {
    this.session = session;
    this.services = services;
    this.settings = settings;
    this.connection = connection;
    this.user = user;
  }

  SessionEntry entry() {
    return entry;
  }

  XmlElement features() {
    XmlElement.Builder features =
        XmlElement.builder("features", Namespaces.STREAMS)
            .child(XmlElement.empty("bind", Namespaces.BIND));
    if (settings.backwardsCompatibleSession()) {
      features.child(
          XmlElement.builder("session", Namespaces.SESSION)
              .child(XmlElement.empty("optional", Namespaces.SESSION))
              .build());
    }
    services.hooks().streamFeatures.run(new ArrayList<>(), null).forEach(features::child);
    return features.build();
  }

  void handle(XmlElement element, C2sState state) {
    Stanza.Kind kind = Stanza.kind(element);
    if (kind == Stanza.Kind.OTHER) {
      session.fail(StreamError.of(StreamError.Condition.UNSUPPORTED_STANZA_TYPE));
      return;
    }
    if (kind == Stanza.Kind.IQ && isRequest(element, "bind", Namespaces.BIND)) {
      bind(element, state);
    } else if (kind == Stanza.Kind.IQ && isRequest(element, "session", Namespaces.SESSION)) {
      if (state == C2sState.WAIT_FOR_FEATURE_AFTER_AUTH) {
        session.fail(StreamError.of(StreamError.Condition.NOT_AUTHORIZED, "Bind a resource first"));
        return;
      }
      connection.send(
          Stanza.iqResult(element.withoutAttribute("to"), null).withoutAttribute("from"));
      session.enter(C2sState.SESSION_ESTABLISHED);
    } else if (state == C2sState.WAIT_FOR_FEATURE_AFTER_AUTH) {
      session.fail(StreamError.of(StreamError.Condition.NOT_AUTHORIZED, "Bind a resource first"));
    } else {
      route(element, kind);
    }
  }

  private static boolean isRequest(XmlElement iq, String name, String ns) {
    XmlElement payload = iq.firstElement();
    return payload != null && payload.is(name, ns) && IqType.parse(Stanza.type(iq)) == IqType.SET;
  }

  private void bind(XmlElement iq, C2sState state) {
    if (state != C2sState.WAIT_FOR_FEATURE_AFTER_AUTH) {
      reply(iq, Stanza.errorReply(iq, StanzaError.of(Condition.NOT_ALLOWED, "Already bound")));
      return;
    }
    String requested = iq.firstElement().childText("resource", Namespaces.BIND);
    Jid full;
    try {
      full =
          user.withResource(
              requested == null || requested.isBlank() ? generatedResource() : requested.strip());
    } catch (InvalidJidException e) {
      reply(iq, Stanza.errorReply(iq, StanzaError.of(Condition.BAD_REQUEST, "Invalid resource")));
      return;
    }
    entry =
        new SessionEntry(
            full,
            services.sessions().newSessionId(),
            0,
            null,
            System.currentTimeMillis(),
            "c2s "
                + connection.remoteAddress().getHostAddress()
                + (connection.tlsActive() ? " tls" : ""));
    services.sessions().open(session);
    enforceSessionLimit();
    XmlElement result =
        Stanza.iqResult(
            iq.withoutAttribute("to"),
            XmlElement.builder("bind", Namespaces.BIND).textChild("jid", full.toString()).build());
    connection.send(result.withoutAttribute("from"));
    session.enter(
        settings.backwardsCompatibleSession()
            ? C2sState.WAIT_FOR_SESSION_OR_STANZA
            : C2sState.SESSION_ESTABLISHED);
  }

  /** {@code max_user_sessions}: when over the limit, the oldest sessions of the user are closed. */
  private void enforceSessionLimit() {
    long max = services.access().number("max_user_sessions", user, Long.MAX_VALUE);
    List<SessionEntry> all = new ArrayList<>(services.sessions().sessions(user));
    all.sort(Comparator.comparingLong(SessionEntry::connectedAtMillis));
    for (int i = 0; i < all.size() - max; i++) {
      if (!all.get(i).id().equals(entry.id())) {
        services
            .sessions()
            .kick(
                all.get(i).jid(),
                StreamError.of(StreamError.Condition.RESOURCE_CONSTRAINT, "Too many sessions"));
      }
    }
  }

  private static String generatedResource() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return "meerkat-" + HexFormat.of().formatHex(bytes);
  }

  private void route(XmlElement stanza, Stanza.Kind kind) {
    Jid full = entry.jid();
    String claimed = stanza.attribute("from");
    if (claimed != null) {
      Jid from = Jid.parseOrNull(claimed);
      if (from == null || !(from.equals(full) || from.equals(full.toBare()))) {
        session.fail(StreamError.of(StreamError.Condition.INVALID_FROM));
        return;
      }
    }
    XmlElement stamped = stanza.withAttribute("from", full.toString());
    Jid to;
    try {
      to = Stanza.to(stamped);
    } catch (InvalidJidException e) {
      if (!Stanza.isError(stamped)) {
        reply(
            stamped,
            Stanza.errorReply(
                stamped.withoutAttribute("to"), StanzaError.of(Condition.JID_MALFORMED)));
      }
      return;
    }
    if (to == null) {
      if (kind == Stanza.Kind.PRESENCE) {
        ownPresence(stamped);
        return;
      }
      to = full.toBare();
    }
    XmlElement toRoute =
        services.hooks().userSendPacket.run(stamped, new StanzaEvent(full, to, stamped));
    if (toRoute != null) {
      services.router().route(full, to, toRoute);
    }
  }

  /** Presence without {@code to}: the session's own availability and priority. */
  private void ownPresence(XmlElement presence) {
    PresenceType type = PresenceType.parse(Stanza.type(presence));
    if (type != PresenceType.AVAILABLE && type != PresenceType.UNAVAILABLE) {
      reply(
          presence,
          Stanza.errorReply(
              presence,
              StanzaError.of(Condition.BAD_REQUEST, "Presence of this type needs a 'to'")));
      return;
    }
    int priority = 0;
    String text = presence.childText("priority", presence.namespace());
    if (text != null) {
      try {
        priority = Integer.parseInt(text.strip());
      } catch (NumberFormatException e) {
        priority = Integer.MIN_VALUE;
      }
      if (priority < -128 || priority > 127) {
        reply(
            presence,
            Stanza.errorReply(
                presence, StanzaError.of(Condition.BAD_REQUEST, "Priority must be -128..127")));
        return;
      }
    }
    XmlElement filtered =
        services.hooks().userSendPacket.run(presence, new StanzaEvent(entry.jid(), null, presence));
    if (filtered == null) {
      return;
    }
    SessionEntry before = entry;
    entry = entry.withPresence(type == PresenceType.AVAILABLE ? filtered : null, priority);
    services.sessions().updatePresence(entry);
    services.hooks().presenceUpdate.run(null, new PresenceUpdate(before, entry, filtered));
    if (!before.available() && entry.available() && !initialPresenceSent) {
      initialPresenceSent = true;
      services.hooks().initialPresence.run(null, entry);
    }
  }

  private void reply(XmlElement request, XmlElement reply) {
    connection.send(
        reply
            .withoutAttribute("from")
            .withAttribute("to", entry == null ? user.toString() : entry.jid().toString()));
  }

  /** The connection ended; the session leaves the session manager. */
  void closed(StreamError reason) {
    if (entry != null) {
      services.sessions().close(entry, reason);
    }
  }
}
