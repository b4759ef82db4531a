package io.meerkat.server.roster;

import io.meerkat.xmpp.Jid;

/**
 * Whether a user shares presence with someone: a {@code from} or {@code both} subscription on the
 * user's roster (RFC 6121 §3). Modules that answer only such contacts (last activity, account
 * discovery) ask this rather than the roster store, which belongs to {@code mod_roster}.
 */
@FunctionalInterface
public interface PresenceVisibility {

  /** Nobody shares presence: what holds without rosters. */
  PresenceVisibility NOBODY = (user, viewer) -> false;

  boolean shares(Jid user, Jid viewer);

  /** Reads the subscriptions in {@code rosters}. Blocking (JDBC). */
  static PresenceVisibility of(RosterStore rosters) {
    return (user, viewer) ->
        rosters
            .item(user.toBare(), viewer.toBare())
            .map(i -> i.subscription().hasFrom())
            .orElse(false);
  }
}
