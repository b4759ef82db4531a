package io.meerkat.bench.load;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Hard limits of one generator process: how many connections it may ever open and until when it may
 * run. Every loop of the generator checks them, whatever the scenario asks for.
 */
public final class Caps {

  private final long maxConnections;
  private final long deadlineNanos;
  private final AtomicLong opened = new AtomicLong();

  public Caps(long maxConnections, long maxSeconds, long nowNanos) {
    if (maxConnections <= 0 || maxSeconds <= 0) {
      throw new IllegalArgumentException("caps must be positive");
    }
    this.maxConnections = maxConnections;
    this.deadlineNanos = nowNanos + maxSeconds * 1_000_000_000L;
  }

  /** Takes one connection from the budget; false when it is spent or time is up. */
  public boolean tryOpen(long nowNanos) {
    if (expired(nowNanos)) {
      return false;
    }
    long n = opened.incrementAndGet();
    if (n > maxConnections) {
      opened.decrementAndGet();
      return false;
    }
    return true;
  }

  public boolean expired(long nowNanos) {
    return nowNanos - deadlineNanos >= 0;
  }

  /** Nanoseconds left before the hard deadline (0 when past). */
  public long remainingNanos(long nowNanos) {
    return Math.max(0, deadlineNanos - nowNanos);
  }

  public long opened() {
    return opened.get();
  }
}
