package io.meerkat.server.sm;

import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import java.util.Comparator;

/**
 * What the session table knows of one session: its full JID, id, and the last available presence
 * the client broadcast ({@code null} until it sends one, or after it sent unavailable). Only
 * available sessions receive messages sent to the bare JID (RFC 6121 §8.5.2), and probes are
 * answered from the stored presence.
 *
 * @param priority the priority of that presence (0 when none)
 * @param connectedAtMillis when the session was bound
 * @param info connection details shown to operators (e.g. IP address, listener)
 */
public record SessionEntry(
    Jid jid, SessionId id, int priority, XmlElement presence, long connectedAtMillis, String info) {

  /** Sessions of one full JID ordered by age: the last is the one that stays. */
  public static final Comparator<SessionEntry> NEWEST_LAST =
      Comparator.comparingLong(SessionEntry::connectedAtMillis).thenComparing(SessionEntry::id);

  public boolean available() {
    return presence != null;
  }

  /** The entry after an available presence ({@code null} presence: unavailable). */
  public SessionEntry withPresence(XmlElement newPresence, int newPriority) {
    return new SessionEntry(
        jid, id, newPresence == null ? 0 : newPriority, newPresence, connectedAtMillis, info);
  }
}
