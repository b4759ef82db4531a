package io.meerkat.server.modules.blocking;

import io.meerkat.xmpp.Jid;
import java.util.Collection;
import java.util.List;

/**
 * Blocklists (XEP-0191): the JIDs each account blocks, as the user gave them (full, bare or domain
 * JIDs). Implementations block (JDBC): call from virtual threads.
 */
public interface BlockingBackend {

  /** The user's blocked JIDs, sorted. */
  List<Jid> blocklist(Jid user);

  /** Adds JIDs; those already blocked stay as they are. */
  void block(Jid user, Collection<Jid> jids);

  /** Removes JIDs; those not blocked are ignored. */
  void unblock(Jid user, Collection<Jid> jids);

  /** Empties the user's blocklist (also on account removal). */
  void unblockAll(Jid user);
}
