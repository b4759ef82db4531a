package io.meerkat.cets.cluster;

import static io.meerkat.cets.cluster.ClusterChecks.awaitJoined;
import static org.awaitility.Awaitility.await;

import io.meerkat.testkit.JvmProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Replicated-write benchmark: three nodes in separate JVMs on 127.0.0.1 (Netty transport, plain
 * TCP, file discovery), writes issued on the first node into the ordered table {@code kv}:
 *
 * <ol>
 *   <li>synchronous inserts, one at a time (each returns once both peers acknowledged): latency
 *       percentiles;
 *   <li>asynchronous inserts with a bounded number in flight: throughput until the last
 *       acknowledgement.
 * </ol>
 *
 * Each phase runs once untimed to warm the JIT, then timed. Afterwards the other two nodes must
 * hold every record. Arguments (all optional): sync count (20000), async count (300000), async
 * window (10000). Run it with the command in {@code meerkat-cets/README.md}, section Benchmarks.
 */
public final class ReplicationBenchmark {

  /** Production-like JVMs (full JIT), fixed heap so GC sizing does not drift between runs. */
  private static final List<String> JVM_OPTIONS =
      List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC", "--enable-native-access=ALL-UNNAMED");

  private ReplicationBenchmark() {}

  public static void main(String[] args) throws IOException {
    int syncCount = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int asyncCount = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
    int window = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    Path dir = Files.createTempDirectory("cets-bench");
    JvmProcesses processes = new JvmProcesses();
    try {
      List<String> jvmOptions = new ArrayList<>(JVM_OPTIONS);
      // extra options for the node JVMs, e.g. a profiler:
      // -Dcets.bench.jvmArgs="-XX:StartFlightRecording"
      String extra = System.getProperty("cets.bench.jvmArgs", "").strip();
      if (!extra.isEmpty()) {
        jvmOptions.addAll(List.of(extra.split("\\s+")));
      }
      LocalCluster cluster = new LocalCluster(processes, dir, jvmOptions);
      cluster.writeNodeList("n1", "n2", "n3");
      List<NodeProcess> nodes = cluster.startAll("n1", "n2", "n3");
      awaitJoined(nodes, "n1", "n2", "n3");
      NodeProcess writer = nodes.get(0);
      System.out.println("machine: " + machine());
      writer.call("benchSync kv " + syncCount / 2 + " " + syncCount / 4);
      long[] cpu = cpu(nodes);
      System.out.println("sync insert latency:  " + writer.call("benchSync kv 0 " + syncCount));
      System.out.println("  " + cpuPerInsert(nodes, cpu, syncCount));
      writer.call("benchAsync kv " + asyncCount / 2 + " " + window);
      cpu = cpu(nodes);
      System.out.println(
          "async insert throughput: " + writer.call("benchAsync kv " + asyncCount + " " + window));
      System.out.println("  " + cpuPerInsert(nodes, cpu, asyncCount));
      String size = writer.call("size kv");
      await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> nodes.stream().allMatch(n -> n.call("size kv").equals(size)));
      System.out.println("replicas complete: " + size + " records on each of the 3 nodes");
      System.out.println("load average after: " + loadAverage());
      // end the nodes gracefully, so that recordings made with -Dcets.bench.jvmArgs are written
      nodes.forEach(n -> n.process().send("exit"));
      nodes.forEach(n -> n.process().waitFor(Duration.ofSeconds(30)));
    } finally {
      processes.closeAll();
    }
  }

  private static long[] cpu(List<NodeProcess> nodes) {
    return nodes.stream().mapToLong(n -> Long.parseLong(n.call("cpu"))).toArray();
  }

  /** CPU time each node process spent per insert since {@code before}: writer, then replicas. */
  private static String cpuPerInsert(List<NodeProcess> nodes, long[] before, int inserts) {
    long[] after = cpu(nodes);
    StringBuilder text = new StringBuilder("CPU per insert (all threads of each process):");
    for (int i = 0; i < nodes.size(); i++) {
      text.append(
          String.format(
              Locale.ROOT,
              " %s %.1f us",
              nodes.get(i).name(),
              (after[i] - before[i]) / 1_000.0 / inserts));
    }
    return text.toString();
  }

  private static String machine() throws IOException {
    String model =
        Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("model name"))
            .map(l -> l.substring(l.indexOf(':') + 1).strip())
            .findFirst()
            .orElse("unknown CPU");
    return Runtime.getRuntime().availableProcessors()
        + " cores ("
        + model
        + "), Java "
        + Runtime.version()
        + ", load average before: "
        + loadAverage();
  }

  private static String loadAverage() {
    try {
      return String.join(
          " ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    } catch (IOException e) {
      return "unknown";
    }
  }
}
