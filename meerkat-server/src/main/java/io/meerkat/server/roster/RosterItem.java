package io.meerkat.server.roster;

import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.util.List;

/**
 * One entry of a user's roster with its full subscription state (RFC 6121 Appendix A).
 *
 * @param contact the contact's bare JID
 * @param name the user-chosen name, empty for none
 * @param pendingOut the user asked to subscribe and the contact has not answered
 * @param pendingIn the contact asked to subscribe and the user has not answered
 * @param approved the user pre-approved a subscription request from the contact (§3.4)
 * @param visible false for entries kept only to remember an inbound request from a contact the user
 *     has not added; such entries are not shown in the roster
 * @param askMessage the status text of a pending inbound request
 * @param groups group names, without duplicates
 */
public record RosterItem(
    Jid contact,
    String name,
    Subscription subscription,
    boolean pendingOut,
    boolean pendingIn,
    boolean approved,
    boolean visible,
    String askMessage,
    List<String> groups) {

  public RosterItem {
    name = name == null ? "" : name;
    askMessage = askMessage == null ? "" : askMessage;
    groups = List.copyOf(groups);
  }

  /** A fresh entry for a contact, not subscribed either way. */
  public static RosterItem empty(Jid contact, boolean visible) {
    return new RosterItem(
        contact, "", Subscription.NONE, false, false, false, visible, "", List.of());
  }

  /** True when nothing worth keeping is left (an invisible entry with no state). */
  public boolean isVacant() {
    return !visible && subscription == Subscription.NONE && !pendingOut && !pendingIn && !approved;
  }

  public RosterItem withSubscription(Subscription s, boolean out, boolean in, boolean preApproved) {
    return new RosterItem(
        contact, name, s, out, in, preApproved, visible, in ? askMessage : "", groups);
  }

  public RosterItem withAskMessage(String message) {
    return new RosterItem(
        contact, name, subscription, pendingOut, pendingIn, approved, visible, message, groups);
  }

  public RosterItem withVisible(boolean nowVisible) {
    return new RosterItem(
        contact,
        name,
        subscription,
        pendingOut,
        pendingIn,
        approved,
        nowVisible,
        askMessage,
        groups);
  }

  public RosterItem withNameAndGroups(String newName, List<String> newGroups) {
    return new RosterItem(
        contact,
        newName,
        subscription,
        pendingOut,
        pendingIn,
        approved,
        true,
        askMessage,
        newGroups);
  }

  /** The {@code <item/>} element of roster results and pushes. */
  public XmlElement toElement() {
    XmlElement.Builder item =
        XmlElement.builder("item", Namespaces.ROSTER)
            .attribute("jid", contact.toString())
            .attribute("name", name.isEmpty() ? null : name)
            .attribute("subscription", subscription.attributeValue())
            .attribute("ask", pendingOut ? "subscribe" : null)
            .attribute("approved", approved ? "true" : null);
    for (String group : groups) {
      item.child(XmlElement.builder("group", Namespaces.ROSTER).text(group).build());
    }
    return item.build();
  }

  /** The {@code <item subscription='remove'/>} of a removal push. */
  public static XmlElement removal(Jid contact) {
    return XmlElement.builder("item", Namespaces.ROSTER)
        .attribute("jid", contact.toString())
        .attribute("subscription", "remove")
        .build();
  }
}
