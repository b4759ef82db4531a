package io.meerkat.bench.report;

import io.meerkat.bench.load.Cpu;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Measures a server process from outside: resident memory from {@code /proc/<pid>/status}, and for
 * a JVM the live heap after a full collection ({@code jcmd <pid> GC.class_histogram} collects first
 * and sums the live objects).
 */
public final class ServerProbe {

  /** One measurement; {@code liveHeapBytes} is -1 when not measured. */
  public record Memory(long rssBytes, long liveHeapBytes) {}

  private final long pid;
  private final boolean jvm;

  public ServerProbe(long pid, boolean jvm) {
    this.pid = pid;
    this.jvm = jvm;
  }

  public Memory measure() {
    long heap = jvm ? liveHeap() : -1;
    return new Memory(rss(), heap);
  }

  /**
   * CPU time the server used so far (user + system, from {@code /proc/<pid>/stat}, assuming the
   * usual 100 clock ticks per second).
   */
  public long cpuMillis() {
    return Cpu.processMillis(pid);
  }

  long rss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read memory of process " + pid + ": " + e, e);
    }
    throw new IllegalStateException("no VmRSS for process " + pid);
  }

  long liveHeap() {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    try {
      Process p =
          new ProcessBuilder(jcmd, Long.toString(pid), "GC.class_histogram")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("jcmd failed: " + out);
      }
      return parseHistogramTotal(out);
    } catch (IOException e) {
      throw new IllegalStateException("jcmd failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The byte total of a class histogram ({@code Total <instances> <bytes>}). */
  static long parseHistogramTotal(String histogram) {
    for (String line : histogram.split("\n")) {
      String t = line.trim();
      if (t.startsWith("Total")) {
        String[] parts = t.split("\\s+");
        return Long.parseLong(parts[2]);
      }
    }
    throw new IllegalStateException("no Total line in class histogram");
  }
}
