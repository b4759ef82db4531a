package io.meerkat.server.modules.offline;

import io.meerkat.xmpp.Jid;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Where offline messages are kept. Users are bare JIDs. All methods block: call them from virtual
 * threads.
 */
public interface OfflineBackend {

  /**
   * Stores a message unless the user already has {@code maxMessages} or more.
   *
   * @return false when the quota is full (nothing was stored)
   */
  boolean store(Jid user, OfflineMessage message, long maxMessages);

  /** The user's messages that have not expired at {@code now}, oldest (lowest id) first. */
  List<OfflineMessage> messages(Jid user, Instant now);

  /** Number of stored messages of the user, expired ones included. */
  long count(Jid user);

  /** Deletes the given messages of the user; returns how many were deleted. */
  int delete(Jid user, Collection<Long> ids);

  /** Deletes every message of the user (account removal). */
  int removeUser(Jid user);

  /** Deletes the messages of a domain that expired at {@code now}. */
  int deleteExpired(String domain, Instant now);

  /** Deletes the messages of a domain received before {@code before}. */
  int deleteOlderThan(String domain, Instant before);
}
