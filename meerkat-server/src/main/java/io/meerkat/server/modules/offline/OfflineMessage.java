package io.meerkat.server.modules.offline;

import io.meerkat.xmpp.Jid;
import java.time.Instant;

/**
 * One message kept for a user who had no available resource.
 *
 * @param id the storage id; messages are delivered in ascending id order (0 before storing)
 * @param from the sender
 * @param timestamp when the server received it (the {@code <delay/>} stamp on delivery)
 * @param expire when it stops being worth delivering (XEP-0023), {@code null} for never
 * @param packet the message as XML text
 */
public record OfflineMessage(long id, Jid from, Instant timestamp, Instant expire, String packet) {

  /** Whether the message expired at {@code now}. */
  public boolean expiredAt(Instant now) {
    return expire != null && !expire.isAfter(now);
  }
}
