package io.meerkat.server.roster;

import io.meerkat.server.router.Router;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.server.sm.SessionManager;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.PresenceType;
import io.meerkat.xmpp.Stanza;
import io.meerkat.xmpp.StanzaError.Condition;
import java.util.function.Predicate;

/**
 * Presence subscriptions (RFC 6121 §3): applies {@link SubscriptionRules} to the stored rosters of
 * both parties, pushes each change, routes or delivers the stanza, and sends the presence a new or
 * ended subscription calls for. Requests to a user who is offline stay pending in the roster and
 * are delivered again at each of the user's logins until answered.
 */
public final class SubscriptionService {

  private final RosterStore store;
  private final RosterLocks locks;
  private final RosterPushes pushes;
  private final ResourcePresences presences;
  private final Router router;
  private final SessionManager sessions;
  private final Predicate<Jid> userExists;

  SubscriptionService(
      RosterStore store,
      RosterLocks locks,
      RosterPushes pushes,
      ResourcePresences presences,
      Router router,
      SessionManager sessions,
      Predicate<Jid> userExists) {
    this.store = store;
    this.locks = locks;
    this.pushes = pushes;
    this.presences = presences;
    this.router = router;
    this.sessions = sessions;
    this.userExists = userExists;
  }

  private record Applied(SubscriptionRules.Outcome outcome, long version) {}

  /**
   * {@code user} sends a subscription stanza of {@code type} to {@code contact} (§3.1.2, §3.2.2,
   * §3.3.2): the user's entry changes, and the stanza goes on stamped with bare JIDs when the rules
   * say so. A stanza to the user's own JID is ignored.
   *
   * @param stanza the stanza as sent (its payload, such as a status, is kept)
   * @throws RosterException when the contact's JID is too long to keep
   */
  public void outbound(Jid user, PresenceType type, Jid contact, XmlElement stanza) {
    Jid owner = user.toBare();
    Jid peer = contact.toBare();
    if (peer.equals(owner)) {
      return;
    }
    if (peer.toString().length() > RosterService.MAX_JID_LENGTH) {
      throw new RosterException(Condition.NOT_ACCEPTABLE, "The JID is too long");
    }
    Applied applied =
        locks.withLock(
            owner,
            () ->
                persist(
                    owner,
                    SubscriptionRules.outbound(type, store.item(owner, peer).orElse(null), peer)));
    SubscriptionRules.Outcome o = applied.outcome();
    if (o.forward()) {
      router.route(owner, peer, Stanza.address(stanza, owner, peer));
    }
    presenceAfterChange(owner, peer, o);
  }

  /**
   * A subscription stanza from {@code from} reaches {@code to} (§3.1.3, §3.1.6, §3.2.3, §3.3.3).
   * Requests to an account that does not exist are answered with {@code unsubscribed}; everything
   * else to it is dropped.
   */
  public void inbound(Jid from, Jid to, PresenceType type, XmlElement stanza) {
    Jid owner = to.toBare();
    Jid peer = from.toBare();
    if (peer.equals(owner) || peer.toString().length() > RosterService.MAX_JID_LENGTH) {
      return;
    }
    if (!owner.hasLocalpart() || !userExists.test(owner)) {
      if (type == PresenceType.SUBSCRIBE) {
        router.route(owner, peer, RosterService.subscriptionStanza(owner, peer, "unsubscribed"));
      }
      return;
    }
    String status = stanza.childText("status", stanza.namespace());
    Applied applied =
        locks.withLock(
            owner,
            () ->
                persist(
                    owner,
                    SubscriptionRules.inbound(
                        type, store.item(owner, peer).orElse(null), peer, status)));
    SubscriptionRules.Outcome o = applied.outcome();
    if (o.forward()) {
      XmlElement delivered = Stanza.address(stanza, peer, owner);
      for (SessionEntry s : sessions.sessions(owner)) {
        if (s.available()) {
          router.deliverToResource(s.jid(), delivered);
        }
      }
    }
    if (o.autoReply()) {
      router.route(owner, peer, RosterService.subscriptionStanza(owner, peer, "subscribed"));
    }
    presenceAfterChange(owner, peer, o);
  }

  /**
   * Delivers every request still waiting for the user's answer to a session that just became
   * available (§3.1.3: requests to an offline user are delivered when the user next comes online).
   */
  public void deliverPending(SessionEntry session) {
    Jid owner = session.jid().toBare();
    for (RosterItem item : store.items(owner)) {
      if (item.pendingIn()) {
        XmlElement.Builder request =
            XmlElement.builder("presence", Namespaces.CLIENT)
                .attribute("from", item.contact().toString())
                .attribute("to", owner.toString())
                .attribute("type", "subscribe");
        if (!item.askMessage().isEmpty()) {
          request.textChild("status", item.askMessage());
        }
        router.deliverToResource(session.jid(), request.build());
      }
    }
  }

  /** Stores and pushes a change; runs under the user's lock, so pushes go out in order. */
  private Applied persist(Jid owner, SubscriptionRules.Outcome o) {
    if (!o.changed()) {
      return new Applied(o, 0);
    }
    long version =
        o.after() == null ? store.remove(owner, o.before().contact()) : store.put(owner, o.after());
    pushes.pushChange(owner, o.before(), o.after(), version);
    return new Applied(o, version);
  }

  /** A subscription that starts shows the user's presence; one that ends hides it again. */
  private void presenceAfterChange(Jid owner, Jid peer, SubscriptionRules.Outcome o) {
    if (o.fromGained()) {
      presences.sendAvailable(owner, peer);
    } else if (o.fromLost()) {
      presences.sendUnavailable(owner, peer);
    }
  }
}
