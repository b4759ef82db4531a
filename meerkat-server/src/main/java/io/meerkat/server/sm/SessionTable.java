package io.meerkat.server.sm;

import io.meerkat.xmpp.Jid;
import java.util.List;
import java.util.Optional;

/**
 * The directory of sessions: who is connected, with which resources, on which node. Local for a
 * single node; replicated to every node when clustered. Reads are local and cheap; writes are made
 * only by the node that owns the session.
 */
public interface SessionTable {

  void put(SessionEntry entry);

  /**
   * Removes the entry if it is still the one with this id (a newer session may have replaced it).
   */
  void remove(Jid fullJid, SessionId id);

  /** The session of a full JID (the newest, should there briefly be more than one). */
  Optional<SessionEntry> lookup(Jid fullJid);

  /**
   * Every session of a full JID. More than one only for a moment: two nodes bound the same resource
   * at once, or a netsplit healed; the session manager then closes all but the newest.
   */
  default List<SessionEntry> lookupAll(Jid fullJid) {
    return lookup(fullJid).map(List::of).orElse(List.of());
  }

  /** All sessions of a user (bare JID), in resource order, one per resource. */
  List<SessionEntry> lookupBare(Jid bareJid);

  /** All sessions of a domain. */
  List<SessionEntry> listDomain(String domain);

  /** All sessions. */
  List<SessionEntry> all();

  long count();
}
