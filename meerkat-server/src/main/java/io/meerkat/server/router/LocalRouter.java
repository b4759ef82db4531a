package io.meerkat.server.router;

import io.meerkat.server.hooks.Hooks;
import io.meerkat.server.hooks.StanzaEvent;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.server.sm.SessionId;
import io.meerkat.server.sm.SessionManager;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.IqType;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.MessageType;
import io.meerkat.xmpp.PresenceType;
import io.meerkat.xmpp.Stanza;
import io.meerkat.xmpp.StanzaError;
import io.meerkat.xmpp.StanzaError.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Routing for the served domains, per RFC 6120 §10 and the delivery rules of RFC 6121 §8.5.
 *
 * <ul>
 *   <li>Remote domains: {@code remote-server-not-found} (no federation yet).
 *   <li>The domain itself: IQs go to the server's handlers by namespace.
 *   <li>A full JID with a session: delivered to it. Without one (§8.5.3.2): chat and normal
 *       messages are handled as if sent to the bare JID, groupchat gets {@code
 *       service-unavailable}, headline and error messages are dropped; IQ requests get {@code
 *       service-unavailable}; presence goes to the presence hooks (subscriptions and probes are
 *       about the bare JID), anything else is dropped.
 *   <li>A bare JID (§8.5.2): chat and normal messages to the available resources with the highest
 *       non-negative priority, else to offline storage, else {@code service-unavailable}; headline
 *       to every available resource with non-negative priority; groupchat gets {@code
 *       service-unavailable}; error messages are dropped; IQs are answered on the user's behalf;
 *       available and unavailable presence goes to every available resource, whatever its priority.
 * </ul>
 */
public final class LocalRouter implements Router {

  private final Set<String> hosts;
  private final SessionManager sessions;
  private final IqHandlers iqHandlers;
  private final Hooks hooks;
  private final Predicate<Jid> userExists;

  public LocalRouter(
      Set<String> hosts,
      SessionManager sessions,
      IqHandlers iqHandlers,
      Hooks hooks,
      Predicate<Jid> userExists) {
    this.hosts = Set.copyOf(hosts);
    this.sessions = sessions;
    this.iqHandlers = iqHandlers;
    this.hooks = hooks;
    this.userExists = userExists;
  }

  @Override
  public void route(Jid from, Jid to, XmlElement stanza) {
    if (!hosts.contains(to.domain())) {
      bounce(stanza, StanzaError.of(Condition.REMOTE_SERVER_NOT_FOUND));
      return;
    }
    switch (Stanza.kind(stanza)) {
      case IQ -> routeIq(from, to, stanza);
      case MESSAGE -> routeMessage(from, to, stanza);
      case PRESENCE -> routePresence(from, to, stanza);
      case OTHER -> {}
    }
  }

  private void routeIq(Jid from, Jid to, XmlElement iq) {
    IqType type = IqType.parse(Stanza.type(iq));
    if (to.hasResource()) {
      if (!deliverToResource(to, iq) && type != null && type.isRequest()) {
        bounce(iq, StanzaError.of(Condition.SERVICE_UNAVAILABLE));
      }
      return;
    }
    if (type == null || !type.isRequest()) {
      return;
    }
    XmlElement payload = iq.firstElement();
    if (payload == null) {
      bounce(iq, StanzaError.of(Condition.BAD_REQUEST, "An IQ request needs one payload element"));
      return;
    }
    IqHandler handler =
        to.isDomain()
            ? iqHandlers.server(payload.namespace())
            : iqHandlers.user(payload.namespace());
    if (handler == null && to.equals(from.toBare())) {
      // An account's IQs to itself (or with no 'to') are the server's to answer (RFC 6120 §10.3.3).
      handler = iqHandlers.server(payload.namespace());
    }
    if (handler == null) {
      bounce(iq, StanzaError.of(Condition.SERVICE_UNAVAILABLE));
      return;
    }
    XmlElement reply = handler.handle(from, to, iq);
    if (reply != null) {
      route(to, from, reply);
    }
  }

  private void routeMessage(Jid from, Jid to, XmlElement message) {
    if (to.isDomain()) {
      return;
    }
    MessageType type = MessageType.parse(Stanza.type(message));
    if (to.hasResource() && deliverToResource(to, message)) {
      return;
    }
    switch (type) {
      case ERROR -> {}
      case GROUPCHAT -> bounce(message, StanzaError.of(Condition.SERVICE_UNAVAILABLE));
      case HEADLINE -> {
        if (to.isBare()) {
          deliverToAvailable(to, message, true, false);
        }
      }
      case CHAT, NORMAL -> {
        if (!deliverToAvailable(to.toBare(), message, true, true)) {
          undeliverable(from, to, message);
        }
      }
    }
  }

  private void undeliverable(Jid from, Jid to, XmlElement message) {
    if (!userExists.test(to.toBare())) {
      bounce(message, StanzaError.of(Condition.SERVICE_UNAVAILABLE));
      return;
    }
    Boolean stored =
        hooks.offlineMessage.run(Boolean.FALSE, new StanzaEvent(from, to.toBare(), message));
    if (!Boolean.TRUE.equals(stored)) {
      bounce(message, StanzaError.of(Condition.SERVICE_UNAVAILABLE));
    }
  }

  private void routePresence(Jid from, Jid to, XmlElement presence) {
    if (to.isDomain()) {
      return;
    }
    PresenceType type = PresenceType.parse(Stanza.type(presence));
    if (type == null) {
      bounce(presence, StanzaError.of(Condition.BAD_REQUEST, "Unknown presence type"));
      return;
    }
    if (Boolean.TRUE.equals(
        hooks.inboundPresence.run(Boolean.FALSE, new StanzaEvent(from, to, presence)))) {
      return;
    }
    boolean availability = type == PresenceType.AVAILABLE || type == PresenceType.UNAVAILABLE;
    if (to.hasResource()) {
      if (availability || type == PresenceType.ERROR) {
        deliverToResource(to, presence);
      }
    } else if (availability) {
      deliverToAvailable(to, presence, false, false);
    }
  }

  /**
   * Delivers to one connected resource.
   *
   * @return false when that resource has no session
   */
  @Override
  public boolean deliverToResource(Jid full, XmlElement stanza) {
    return sessions.session(full).map(s -> deliver(s, stanza)).orElse(false);
  }

  /**
   * Delivers to a user's available resources.
   *
   * @param nonNegativeOnly only resources with a priority of 0 or more (messages, §8.5.2.1.1)
   * @param highestOnly only those with the highest priority among them
   * @return false when no resource qualified
   */
  public boolean deliverToAvailable(
      Jid bare, XmlElement stanza, boolean nonNegativeOnly, boolean highestOnly) {
    List<SessionEntry> candidates =
        sessions.sessions(bare).stream()
            .filter(s -> s.available() && (!nonNegativeOnly || s.priority() >= 0))
            .toList();
    if (candidates.isEmpty()) {
      return false;
    }
    int best = candidates.stream().mapToInt(SessionEntry::priority).max().orElse(0);
    List<SessionEntry> targets =
        candidates.stream().filter(s -> !highestOnly || s.priority() == best).toList();
    // Every receive hook runs before anything is sent: a hook that needs the database stops a
    // message handled on an event loop before any copy left (see NonBlocking).
    List<XmlElement> filtered = new ArrayList<>(targets.size());
    for (SessionEntry s : targets) {
      filtered.add(receiveHooks(s, stanza));
    }
    boolean delivered = false;
    for (int i = 0; i < targets.size(); i++) {
      delivered |= send(targets.get(i), filtered.get(i));
    }
    return delivered;
  }

  /**
   * Hands the stanza to the session: here, through the receive hook; for a session of another node,
   * by forwarding it to that node, which runs its receive hook ({@link #deliverForwarded}).
   */
  public boolean deliver(SessionEntry session, XmlElement stanza) {
    return send(session, receiveHooks(session, stanza));
  }

  /** The stanza as the receive hooks leave it; for another node's session, as it is (see there). */
  private XmlElement receiveHooks(SessionEntry session, XmlElement stanza) {
    if (!sessions.isLocal(session)) {
      return stanza;
    }
    return hooks.userReceivePacket.run(stanza, new Hooks.Delivery(session, stanza));
  }

  /** Sends what the receive hooks left ({@code null}: they dropped it, which counts as done). */
  private boolean send(SessionEntry session, XmlElement filtered) {
    if (!sessions.isLocal(session)) {
      return sessions.forward(session, filtered);
    }
    return filtered == null || sessions.deliver(session, filtered);
  }

  /**
   * Delivers a stanza another node forwarded to session {@code target} of this node. If that
   * session ended while the stanza travelled, the stanza is handled as one to a full JID without a
   * session, without being forwarded again: chat and normal messages go to offline storage, IQ
   * requests are answered with {@code service-unavailable}, anything else is dropped.
   */
  public void deliverForwarded(SessionId target, XmlElement stanza) {
    SessionEntry session = sessions.localSession(target).orElse(null);
    if (session != null && deliver(session, stanza)) {
      return;
    }
    Jid from = Jid.parseOrNull(stanza.attribute("from"));
    Jid to = Jid.parseOrNull(stanza.attribute("to"));
    if (from == null || to == null) {
      return;
    }
    switch (Stanza.kind(stanza)) {
      case MESSAGE -> {
        MessageType type = MessageType.parse(Stanza.type(stanza));
        if (type == MessageType.CHAT || type == MessageType.NORMAL) {
          undeliverable(from, to, stanza);
        }
      }
      case IQ -> {
        IqType type = IqType.parse(Stanza.type(stanza));
        if (type != null && type.isRequest()) {
          bounce(stanza, StanzaError.of(Condition.SERVICE_UNAVAILABLE));
        }
      }
      default -> {}
    }
  }
}
