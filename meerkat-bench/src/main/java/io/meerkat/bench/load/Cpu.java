package io.meerkat.bench.load;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of this generator process (all threads), to show whether it was the bottleneck, and of
 * the server under test, to give the CPU cost of one operation on each side.
 */
public final class Cpu {

  private Cpu() {}

  public static long millis() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1_000_000;
  }

  /**
   * CPU time another process used so far (user + system, from {@code /proc/<pid>/stat}, assuming
   * the usual 100 clock ticks per second, so the resolution is 10 ms).
   *
   * @throws IllegalStateException when the process cannot be read
   */
  public static long processMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // Fields after the command name, which is in parentheses and may contain spaces.
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read CPU time of process " + pid + ": " + e, e);
    }
  }
}
