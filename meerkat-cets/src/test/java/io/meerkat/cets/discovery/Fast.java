package io.meerkat.cets.discovery;

import java.time.Duration;

/** Discovery timings short enough for tests. */
final class Fast {

  private Fast() {}

  static DiscoveryOptions options() {
    return new DiscoveryOptions(
        Duration.ofMillis(50),
        Duration.ofMinutes(5),
        Duration.ofMinutes(5),
        Duration.ofMillis(100),
        Duration.ofSeconds(30),
        Duration.ofMillis(50));
  }

  /** Regular phase reached quickly; a node-down counts as recent for {@code recency}. */
  static DiscoveryOptions regular(Duration recency) {
    return new DiscoveryOptions(
        Duration.ofMillis(50),
        Duration.ofMillis(1),
        Duration.ofMinutes(5),
        Duration.ofMinutes(1),
        recency,
        Duration.ofMillis(50));
  }
}
