package io.meerkat.server.roster;

import io.meerkat.server.router.Router;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.StanzaError.Condition;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Roster management (RFC 6121 §2) with the same effects whoever asks: a client's roster set, the
 * admin API, account removal. Every change is pushed to the user's interested resources; removing a
 * contact cancels the subscriptions both ways (§2.5.2).
 */
public final class RosterService {

  /** Longest {@code name} attribute and group name accepted (RFC 6121 §2.3.3 server limits). */
  public static final int MAX_TEXT_LENGTH = 1024;

  /** Longest contact JID the store holds. */
  public static final int MAX_JID_LENGTH = 250;

  private final RosterStore store;
  private final RosterLocks locks;
  private final RosterPushes pushes;
  private final ResourcePresences presences;
  private final Router router;

  RosterService(
      RosterStore store,
      RosterLocks locks,
      RosterPushes pushes,
      ResourcePresences presences,
      Router router) {
    this.store = store;
    this.locks = locks;
    this.pushes = pushes;
    this.presences = presences;
    this.router = router;
  }

  private record Change(RosterItem before, RosterItem after, long version) {}

  /** The user's roster: the entries the user added or approved, by contact. */
  public List<RosterItem> items(Jid user) {
    return store.items(user.toBare()).stream().filter(RosterItem::visible).toList();
  }

  public Optional<RosterItem> item(Jid user, Jid contact) {
    return store.item(user.toBare(), contact).filter(RosterItem::visible);
  }

  public long version(Jid user) {
    return store.version(user.toBare());
  }

  /**
   * Adds a contact or changes its name and groups; the subscription state is kept.
   *
   * @throws RosterException when the item breaks a rule of RFC 6121 §2.3.3
   */
  public RosterItem setItem(Jid user, Jid contact, String name, List<String> groups) {
    Jid owner = user.toBare();
    validate(owner, contact, name, groups);
    Change change =
        locks.withLock(
            owner,
            () -> {
              RosterItem before = store.item(owner, contact).orElse(null);
              RosterItem base = before != null ? before : RosterItem.empty(contact, true);
              RosterItem after = base.withNameAndGroups(name == null ? "" : name, groups);
              return pushed(owner, new Change(before, after, store.put(owner, after)));
            });
    return change.after();
  }

  /**
   * Removes a contact: the removal is pushed, and the contact is told the subscriptions ended.
   *
   * @return false when the contact was not in the roster
   */
  public boolean removeItem(Jid user, Jid contact) {
    Jid owner = user.toBare();
    Change change =
        locks.withLock(
            owner,
            () -> {
              RosterItem before =
                  store.item(owner, contact).filter(RosterItem::visible).orElse(null);
              return before == null
                  ? null
                  : pushed(owner, new Change(before, null, store.remove(owner, contact)));
            });
    if (change == null) {
      return false;
    }
    cancelSubscriptions(owner, change.before());
    return true;
  }

  /** Account removal: contacts are told the subscriptions ended, then the roster is deleted. */
  public void removeUser(Jid user) {
    Jid owner = user.toBare();
    List<RosterItem> all =
        locks.withLock(
            owner,
            () -> {
              List<RosterItem> items = store.items(owner);
              store.removeAll(owner);
              return items;
            });
    for (RosterItem item : all) {
      cancelSubscriptions(owner, item);
    }
  }

  /**
   * How a user is named in another user's roster when {@link #connect(Named, Named)} links them.
   *
   * @param user a bare JID (a full JID is refused as a roster item would be)
   * @param name the name, {@code null} or empty for none
   * @param groups the groups, {@code null} for none
   */
  public record Named(Jid user, String name, List<String> groups) {

    public Named {
      name = name == null ? "" : name;
      groups = groups == null ? List.of() : List.copyOf(groups);
    }
  }

  /**
   * Makes two users subscribed to each other ("both" on each side), as if each had requested and
   * the other approved; each side's resources get the other's presence. Names and groups already
   * given to the entries are kept.
   */
  public void connect(Jid a, Jid b) {
    link(a.toBare(), b.toBare(), null, null);
  }

  /**
   * Like {@link #connect(Jid, Jid)}, and each user's entry for the other gets the other's name and
   * groups. Both entries are checked before either roster changes.
   *
   * @throws RosterException when either entry breaks a rule of RFC 6121 §2.3.3
   */
  public void connect(Named a, Named b) {
    link(a.user(), b.user(), b, a);
  }

  private void link(Jid a, Jid b, Named bInA, Named aInB) {
    validate(a, b, bInA == null ? "" : bInA.name(), bInA == null ? List.of() : bInA.groups());
    validate(b, a, aInB == null ? "" : aInB.name(), aInB == null ? List.of() : aInB.groups());
    linkOneSide(a, b, bInA);
    linkOneSide(b, a, aInB);
  }

  private void linkOneSide(Jid owner, Jid contact, Named naming) {
    Change change =
        locks.withLock(
            owner,
            () -> {
              RosterItem before = store.item(owner, contact).orElse(null);
              RosterItem base = before != null ? before : RosterItem.empty(contact, true);
              if (naming != null) {
                base = base.withNameAndGroups(naming.name(), naming.groups());
              }
              RosterItem after =
                  base.withVisible(true).withSubscription(Subscription.BOTH, false, false, false);
              return pushed(owner, new Change(before, after, store.put(owner, after)));
            });
    if (change.before() == null || !change.before().subscription().hasFrom()) {
      presences.sendAvailable(owner, contact);
    }
  }

  /**
   * Removes each user from the other's roster; each side stops seeing the other's presence.
   *
   * @return false when neither roster had the other
   */
  public boolean disconnect(Jid a, Jid b) {
    boolean any = false;
    for (Jid[] pair : new Jid[][] {{a.toBare(), b.toBare()}, {b.toBare(), a.toBare()}}) {
      Jid owner = pair[0];
      Jid contact = pair[1];
      Change change =
          locks.withLock(
              owner,
              () -> {
                RosterItem before = store.item(owner, contact).orElse(null);
                return before == null
                    ? null
                    : pushed(owner, new Change(before, null, store.remove(owner, contact)));
              });
      if (change != null) {
        any = true;
        if (change.before().subscription().hasFrom()) {
          presences.sendUnavailable(owner, contact);
        }
      }
    }
    return any;
  }

  /** Pushes a change while its user's lock is held, so pushes go out in version order. */
  private Change pushed(Jid owner, Change change) {
    pushes.pushChange(owner, change.before(), change.after(), change.version());
    return change;
  }

  /** §2.5.2: unsubscribe for what the user received, unsubscribed for what the user granted. */
  private void cancelSubscriptions(Jid owner, RosterItem removed) {
    Jid contact = removed.contact();
    if (removed.subscription().hasTo() || removed.pendingOut()) {
      router.route(owner, contact, subscriptionStanza(owner, contact, "unsubscribe"));
    }
    if (removed.subscription().hasFrom() || removed.pendingIn()) {
      router.route(owner, contact, subscriptionStanza(owner, contact, "unsubscribed"));
      if (removed.subscription().hasFrom()) {
        presences.sendUnavailable(owner, contact);
      }
    }
  }

  static XmlElement subscriptionStanza(Jid from, Jid to, String type) {
    return XmlElement.builder("presence", Namespaces.CLIENT)
        .attribute("from", from.toString())
        .attribute("to", to.toString())
        .attribute("type", type)
        .build();
  }

  private static void validate(Jid owner, Jid contact, String name, List<String> groups) {
    if (contact.hasResource()) {
      throw new RosterException(Condition.BAD_REQUEST, "Roster items are bare JIDs");
    }
    if (contact.equals(owner)) {
      throw new RosterException(Condition.NOT_ALLOWED, "Your own JID cannot be a contact");
    }
    if (contact.toString().length() > MAX_JID_LENGTH) {
      throw new RosterException(Condition.NOT_ACCEPTABLE, "The JID is too long");
    }
    if (name != null && name.length() > MAX_TEXT_LENGTH) {
      throw new RosterException(Condition.NOT_ACCEPTABLE, "The name is too long");
    }
    Set<String> seen = new HashSet<>();
    for (String group : groups) {
      if (group.isEmpty()) {
        throw new RosterException(Condition.NOT_ACCEPTABLE, "A group name cannot be empty");
      }
      if (group.length() > MAX_TEXT_LENGTH) {
        throw new RosterException(Condition.NOT_ACCEPTABLE, "A group name is too long");
      }
      if (!seen.add(group)) {
        throw new RosterException(Condition.BAD_REQUEST, "Duplicate group " + group);
      }
    }
  }
}
