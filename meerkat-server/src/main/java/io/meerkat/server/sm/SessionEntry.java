package io.meerkat.server.sm;

import io.meerkat.xmpp.Jid;

/**
 * What the session table knows of one session: its full JID, id, presence priority and whether the
 * client has sent available presence (only available sessions receive messages sent to the bare
 * JID, RFC 6121 §8.5.2).
 *
 * @param connectedAtMillis when the session was bound
 * @param info connection details shown to operators (e.g. IP address, listener)
 */
public record SessionEntry(
    Jid jid, SessionId id, int priority, boolean available, long connectedAtMillis, String info) {

  public SessionEntry withPresence(int newPriority, boolean nowAvailable) {
    return new SessionEntry(jid, id, newPriority, nowAvailable, connectedAtMillis, info);
  }
}
