package io.meerkat.server.modules.blocking;

import io.meerkat.server.roster.ResourcePresences;
import io.meerkat.server.roster.RosterItem;
import io.meerkat.server.roster.RosterStore;
import io.meerkat.xmpp.Jid;
import java.util.List;

/**
 * The presence a blocklist change owes to contacts (XEP-0191 §3.3, §3.4): a contact that may see
 * the user's presence (a {@code from} or {@code both} subscription) gets unavailable presence from
 * each available resource when it is blocked, and the current presence again when it is unblocked.
 * Without rosters nobody is subscribed, so nothing is sent.
 */
final class BlockPresenceNotices {

  private final RosterStore rosters;
  private final ResourcePresences presences;

  /**
   * @param rosters the roster store of {@code mod_roster}, {@code null} when it is not enabled
   */
  BlockPresenceNotices(RosterStore rosters, ResourcePresences presences) {
    this.rosters = rosters;
    this.presences = presences;
  }

  /** {@code items} were just added to {@code user}'s blocklist. */
  void blocked(Jid user, List<Jid> items) {
    for (Jid target : subscribedTargets(user, items)) {
      presences.sendUnavailable(user, target);
    }
  }

  /** {@code items} were just removed from {@code user}'s blocklist. */
  void unblocked(Jid user, List<Jid> items) {
    for (Jid target : subscribedTargets(user, items)) {
      presences.sendAvailable(user, target);
    }
  }

  /**
   * Where to send: each subscribed contact matched by a blocklist item, at the item's full JID when
   * the item names one resource (only that resource was blocked).
   */
  private List<Jid> subscribedTargets(Jid user, List<Jid> items) {
    if (rosters == null || items.isEmpty()) {
      return List.of();
    }
    return rosters.items(user.toBare()).stream()
        .filter(item -> item.subscription().hasFrom())
        .map(RosterItem::contact)
        .flatMap(
            contact ->
                items.stream()
                    .filter(item -> Blocklists.matches(item.toBare(), contact))
                    .map(item -> item.hasResource() && item.hasLocalpart() ? item : contact))
        .distinct()
        .toList();
  }
}
