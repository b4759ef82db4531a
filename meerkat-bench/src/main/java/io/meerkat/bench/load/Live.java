package io.meerkat.bench.load;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** Running totals of one generator process, for the progress line. */
public final class Live {

  public final LongAdder open = new LongAdder();
  public final LongAdder logins = new LongAdder();
  public final LongAdder failures = new LongAdder();
  public final LongAdder sent = new LongAdder();
  public final LongAdder received = new LongAdder();

  /** The slowest delivery (µs) since the last progress line: shows when stalls happen. */
  public final LongAccumulator worstMicros = new LongAccumulator(Math::max, 0);

  public volatile String phase = "start";
  final FailureLog failureLog = new FailureLog();

  /**
   * {@code phase open logins failures sent received worst}, the worker-to-coordinator format; the
   * worst latency starts again from zero after each line.
   */
  public String toLine() {
    return phase
        + " "
        + open.sum()
        + " "
        + logins.sum()
        + " "
        + failures.sum()
        + " "
        + sent.sum()
        + " "
        + received.sum()
        + " "
        + worstMicros.getThenReset();
  }

  /** Totals over several processes, from their last lines. */
  public static String describe(Iterable<String> lines, double elapsedSeconds) {
    long[] sum = new long[5];
    long worst = 0;
    String phase = "";
    for (String line : lines) {
      if (line == null) {
        continue;
      }
      String[] p = line.split(" ");
      phase = p[0];
      for (int i = 0; i < 5; i++) {
        sum[i] += Long.parseLong(p[i + 1]);
      }
      worst = Math.max(worst, Long.parseLong(p[6]));
    }
    String line =
        String.format(
            "[%6.1fs] %-14s open=%d logins=%d failures=%d sent=%d received=%d",
            elapsedSeconds, phase, sum[0], sum[1], sum[2], sum[3], sum[4]);
    return worst == 0 ? line : line + String.format(" worst=%.1fms", worst / 1000.0);
  }
}
