package io.meerkat.cets.cluster;

import io.meerkat.cets.CetsTable;
import io.meerkat.cets.Entry;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The write loads of {@link ReplicationBenchmark}, run inside a node process so that the client is
 * local to the table, as in a server. Both are bounded in count.
 */
final class ReplicationLoad {

  private ReplicationLoad() {}

  /**
   * Times {@code count} synchronous inserts (each returns once every peer acknowledged), after
   * {@code warmup} untimed ones.
   *
   * @return {@code n=.. p50us=.. p90us=.. p99us=.. p999us=.. maxus=.. opsPerSec=..}
   */
  static String syncLatency(CetsTable<String, Entry> table, int warmup, int count) {
    String run = Long.toString(System.nanoTime(), 36);
    for (int i = 0; i < warmup; i++) {
      table.insert(new Entry("w" + run + "-" + i, "warmup"));
    }
    long[] micros = new long[count];
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long before = System.nanoTime();
      table.insert(new Entry("s" + run + "-" + i, "value-" + i));
      micros[i] = (System.nanoTime() - before) / 1_000;
    }
    long elapsed = System.nanoTime() - start;
    Arrays.sort(micros);
    return String.format(
        Locale.ROOT,
        "n=%d p50us=%d p90us=%d p99us=%d p999us=%d maxus=%d opsPerSec=%.0f",
        count,
        percentile(micros, 50),
        percentile(micros, 90),
        percentile(micros, 99),
        percentile(micros, 99.9),
        micros[count - 1],
        count / (elapsed / 1e9));
  }

  /**
   * Issues {@code count} asynchronous inserts with at most {@code window} unacknowledged at once
   * and waits for the last acknowledgement.
   *
   * @return {@code n=.. failed=.. seconds=.. opsPerSec=..}
   */
  static String asyncThroughput(CetsTable<String, Entry> table, int count, int window) {
    String run = Long.toString(System.nanoTime(), 36);
    Semaphore inFlight = new Semaphore(window);
    AtomicLong failed = new AtomicLong();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      inFlight.acquireUninterruptibly();
      table
          .insertAsync(new Entry("a" + run + "-" + i, "value-" + i))
          .whenComplete(
              (ok, error) -> {
                if (error != null) {
                  failed.incrementAndGet();
                }
                inFlight.release();
              });
    }
    inFlight.acquireUninterruptibly(window);
    double seconds = (System.nanoTime() - start) / 1e9;
    return String.format(
        Locale.ROOT,
        "n=%d failed=%d seconds=%.3f opsPerSec=%.0f",
        count,
        failed.get(),
        seconds,
        count / seconds);
  }

  /** CPU time used by this whole process so far (every thread, user and system). */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
