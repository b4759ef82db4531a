package io.meerkat.cets.discovery;

import java.time.Duration;

/**
 * Timing of the discovery loop.
 *
 * @param initialInterval poll interval during the initial phase (5 s)
 * @param initialPhase how long the initial phase lasts unless another node's discovery contacts us
 *     first (5 min)
 * @param regularInterval poll interval afterwards (5 min)
 * @param afterNodedownInterval poll interval while the last node-down is recent (30 s)
 * @param nodedownRecency how long a node-down counts as recent (30 s)
 * @param afterErrorInterval poll interval after a failed poll (1 s)
 */
public record DiscoveryOptions(
    Duration initialInterval,
    Duration initialPhase,
    Duration regularInterval,
    Duration afterNodedownInterval,
    Duration nodedownRecency,
    Duration afterErrorInterval) {

  public static DiscoveryOptions defaults() {
    return new DiscoveryOptions(
        Duration.ofSeconds(5),
        Duration.ofMinutes(5),
        Duration.ofMinutes(5),
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        Duration.ofSeconds(1));
  }
}
