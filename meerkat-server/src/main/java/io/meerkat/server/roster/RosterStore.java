package io.meerkat.server.roster;

import io.meerkat.xmpp.Jid;
import java.util.List;
import java.util.Optional;

/**
 * Rosters and their subscription state. Every change bumps the roster version (XEP-0237) and
 * returns the new one. Implementations block (JDBC): call from virtual threads.
 */
public interface RosterStore {

  /** All entries, invisible ones included, ordered by contact. */
  List<RosterItem> items(Jid user);

  Optional<RosterItem> item(Jid user, Jid contact);

  /** The current roster version (0 for a roster never changed). */
  long version(Jid user);

  /** Creates or replaces an entry; returns the new roster version. */
  long put(Jid user, RosterItem item);

  /** Removes an entry if present; returns the new roster version. */
  long remove(Jid user, Jid contact);

  /** Deletes the whole roster (account removal). */
  void removeAll(Jid user);
}
