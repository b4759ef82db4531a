package io.meerkat.bench.load;

/**
 * Open-loop pacing: events are due at {@code start + k / rate}, independent of how fast earlier
 * ones completed, so a slow server cannot slow the offered load down (no coordinated omission:
 * latency is measured from the intended time, {@link #intendedNanos}). Single-threaded.
 */
public final class Pacer {

  private final long startNanos;
  private final double perSecond;
  private final long limit;
  private long issued;

  /**
   * @param perSecond events per second, &gt; 0
   * @param limit hard cap on the number of events ever issued
   */
  public Pacer(long startNanos, double perSecond, long limit) {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("rate must be positive: " + perSecond);
    }
    this.startNanos = startNanos;
    this.perSecond = perSecond;
    this.limit = limit;
  }

  /** How many events became due since the last call (never more than the cap allows). */
  public long due(long nowNanos) {
    long shouldHave = (long) Math.floor((nowNanos - startNanos) * perSecond / 1e9) + 1;
    long n = Math.max(0, Math.min(shouldHave, limit) - issued);
    return n;
  }

  /** The intended time of the next event; call {@link #issue()} after sending it. */
  public long intendedNanos() {
    return startNanos + (long) (issued * 1e9 / perSecond);
  }

  public void issue() {
    issued++;
  }

  public long issued() {
    return issued;
  }

  public boolean exhausted() {
    return issued >= limit;
  }
}
