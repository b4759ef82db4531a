package io.meerkat.bench.load;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/** CPU time of this generator process (all threads), to show whether it was the bottleneck. */
public final class Cpu {

  private Cpu() {}

  public static long millis() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1_000_000;
  }
}
