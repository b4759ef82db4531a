package io.meerkat.server.modules.roster;

import io.meerkat.server.roster.RosterException;
import io.meerkat.server.roster.RosterItem;
import io.meerkat.server.roster.RosterService.Named;
import io.meerkat.server.roster.Rosters;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.PresenceType;
import io.meerkat.xmpp.StanzaError.Condition;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Roster operations for the admin and user APIs, without a client connection. Each does what the
 * XMPP path does: the same validation, roster pushes to the user's interested resources, and the
 * same subscription stanzas and presence to the contact.
 *
 * <p>Errors: {@link RosterException} with the condition RFC 6121 names ({@code item-not-found} for
 * an account that does not exist, {@code bad-request}/{@code not-acceptable}/{@code not-allowed}
 * for invalid items).
 */
public final class RosterApi {

  /** What a user does about a subscription, as the subscription stanza it sends. */
  public enum SubscriptionAction {
    /** Ask to see the contact's presence ({@code subscribe}). */
    INVITE(PresenceType.SUBSCRIBE),
    /** Let the contact see the user's presence ({@code subscribed}; a pre-approval if unasked). */
    ACCEPT(PresenceType.SUBSCRIBED),
    /** Refuse or revoke the contact's subscription ({@code unsubscribed}). */
    DECLINE(PresenceType.UNSUBSCRIBED),
    /** Stop seeing the contact's presence ({@code unsubscribe}). */
    CANCEL(PresenceType.UNSUBSCRIBE);

    private final PresenceType type;

    SubscriptionAction(PresenceType type) {
      this.type = type;
    }
  }

  /** Make or end a mutual ("both") subscription. */
  public enum MutualAction {
    CONNECT,
    DISCONNECT
  }

  private final Rosters rosters;
  private final Predicate<Jid> userExists;

  public RosterApi(Rosters rosters, Predicate<Jid> userExists) {
    this.rosters = rosters;
    this.userExists = userExists;
  }

  public List<RosterItem> listContacts(Jid user) {
    return rosters.roster().items(existing(user));
  }

  public Optional<RosterItem> getContact(Jid user, Jid contact) {
    return rosters.roster().item(existing(user), contact.toBare());
  }

  /** Adds a contact or changes its name and groups. */
  public RosterItem addContact(Jid user, Jid contact, String name, List<String> groups) {
    return rosters.roster().setItem(existing(user), contact, name, groups);
  }

  /**
   * Removes a contact, ending the subscriptions both ways.
   *
   * @throws RosterException {@code item-not-found} when the contact is not in the roster
   */
  public void deleteContact(Jid user, Jid contact) {
    if (!rosters.roster().removeItem(existing(user), contact.toBare())) {
      throw new RosterException(Condition.ITEM_NOT_FOUND, contact + " is not in the roster");
    }
  }

  /** The user sends the subscription stanza of {@code action} to the contact. */
  public void subscription(Jid user, Jid contact, SubscriptionAction action) {
    Jid owner = existing(user);
    XmlElement stanza =
        XmlElement.builder("presence", Namespaces.CLIENT)
            .attribute("from", owner.toString())
            .attribute("to", contact.toBare().toString())
            .attribute("type", action.type.attributeValue())
            .build();
    rosters.subscriptions().outbound(owner, action.type, contact.toBare(), stanza);
  }

  /**
   * Connects two users (each in the other's roster with subscription "both") or disconnects them
   * (each removed from the other's roster).
   *
   * @throws RosterException {@code item-not-found} when disconnecting users that were not connected
   */
  public void setMutualSubscription(Jid a, Jid b, MutualAction action) {
    Jid userA = existing(a);
    Jid userB = existing(b);
    if (action == MutualAction.CONNECT) {
      rosters.roster().connect(userA, userB);
    } else if (!rosters.roster().disconnect(userA, userB)) {
      throw new RosterException(Condition.ITEM_NOT_FOUND, "The users are not connected");
    }
  }

  /**
   * Connects two users as {@link #setMutualSubscription} does, and names each in the other's
   * roster: {@code a}'s name and groups are those {@code b}'s entry for {@code a} gets, and the
   * other way round.
   *
   * @throws RosterException {@code item-not-found} when either user does not exist, or the
   *     condition of an entry RFC 6121 refuses (e.g. a user and themselves)
   */
  public void subscribeBoth(Named a, Named b) {
    existing(a.user());
    existing(b.user());
    rosters.roster().connect(a, b);
  }

  private Jid existing(Jid user) {
    Jid bare = user.toBare();
    if (!bare.hasLocalpart() || !userExists.test(bare)) {
      throw new RosterException(Condition.ITEM_NOT_FOUND, "No such user: " + bare);
    }
    return bare;
  }
}
