package io.meerkat.cets;

import java.util.List;

/**
 * Node-wide settings.
 *
 * @param leaderRetryDelaysMillis the pauses between attempts of a leader operation that met a
 *     server which is not (or no longer) the leader; after the last one the operation fails with
 *     {@code send_leader_op_failed}
 */
public record CetsNodeOptions(List<Long> leaderRetryDelaysMillis) {

  /** The retry schedule of a leader operation: about 11.7 s in all. */
  public static final List<Long> DEFAULT_LEADER_RETRY_DELAYS =
      List.of(10L, 50L, 100L, 500L, 1000L, 5000L, 5000L);

  public CetsNodeOptions {
    leaderRetryDelaysMillis = List.copyOf(leaderRetryDelaysMillis);
  }

  public static CetsNodeOptions defaults() {
    return new CetsNodeOptions(DEFAULT_LEADER_RETRY_DELAYS);
  }
}
