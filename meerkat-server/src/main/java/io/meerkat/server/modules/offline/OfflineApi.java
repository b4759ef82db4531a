package io.meerkat.server.modules.offline;

import java.time.Clock;
import java.time.Duration;

/** Operator actions on offline storage (for the admin API and command line). */
public final class OfflineApi {

  private final OfflineBackend backend;
  private final Clock clock;

  public OfflineApi(OfflineBackend backend, Clock clock) {
    this.backend = backend;
    this.clock = clock;
  }

  /** Deletes the messages of {@code domain} whose XEP-0023 expiry passed; returns the count. */
  public int deleteExpiredMessages(String domain) {
    return backend.deleteExpired(domain, clock.instant());
  }

  /**
   * Deletes the messages of {@code domain} stored more than {@code days} days ago.
   *
   * @throws IllegalArgumentException when {@code days} is negative
   */
  public int deleteOldMessages(String domain, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative");
    }
    return backend.deleteOlderThan(domain, clock.instant().minus(Duration.ofDays(days)));
  }
}
