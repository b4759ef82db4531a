package io.meerkat.bench;

import io.meerkat.bench.load.BenchOptions;
import io.meerkat.bench.load.Coordination;
import io.meerkat.bench.load.Live;
import io.meerkat.bench.load.PhaseResult;
import io.meerkat.bench.load.SliceRunner;
import io.meerkat.bench.report.Report;
import io.meerkat.bench.report.ServerProbe;
import io.meerkat.bench.xmpp.ScramClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a scenario across one or more generator processes, measures the server at the barriers,
 * merges the processes' results and reports them. With one process everything runs in this JVM.
 */
public final class Coordinator {

  /** Connections one process may hold (the machine allows 20,000 open files per process). */
  public static final int CONNECTIONS_PER_PROCESS = 19_000;

  private final BenchOptions options;
  private final ServerProbe probe;
  private ServerProbe.Memory baseline;
  private ServerProbe.Memory loaded;
  private long sessionsAtBarrier;

  public Coordinator(BenchOptions options) {
    this.options = options;
    long pid = Long.parseLong(options.get("server-pid"));
    this.probe =
        pid > 0 ? new ServerProbe(pid, Boolean.parseBoolean(options.get("server-jvm"))) : null;
  }

  public int processes() {
    int w = options.integer("workers");
    if (w > 0) {
      return w;
    }
    return Math.max(1, (options.users() + CONNECTIONS_PER_PROCESS - 1) / CONNECTIONS_PER_PROCESS);
  }

  public Report run() throws IOException, InterruptedException {
    boolean memory = probe != null && options.get("scenario").equals("idle");
    if (memory) {
      baseline = probe.measure();
    }
    int n = processes();
    long start = System.nanoTime();
    long serverCpuStart = probe != null ? probe.cpuMillis() : 0;
    List<PhaseResult> results;
    if (n == 1) {
      Live live = new Live();
      ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
      ticker.scheduleAtFixedRate(
          () ->
              System.err.println(
                  Live.describe(List.of(live.toLine()), (System.nanoTime() - start) / 1e9)),
          1,
          1,
          TimeUnit.SECONDS);
      try {
        results = SliceRunner.run(options, 0, 1, live, atBarrier(), new ScramClient.SaltCache());
      } finally {
        ticker.shutdownNow();
      }
    } else {
      results = new WorkerProcesses(options, n, atBarrier()).run(start);
    }
    Report report = report(merge(results));
    if (probe != null) {
      double seconds = (System.nanoTime() - start) / 1e9;
      report.figure(
          options.get("scenario") + ".server_cpu_cores",
          (probe.cpuMillis() - serverCpuStart) / 1000.0 / seconds);
    }
    return report;
  }

  private Coordination atBarrier() {
    return (name, open) -> {
      sessionsAtBarrier = open;
      if (baseline != null && name.equals("sessions-up")) {
        loaded = probe.measure();
      }
    };
  }

  /** Sums the results of phases with the same name, keeping the order of first appearance. */
  static List<PhaseResult> merge(List<PhaseResult> results) {
    Map<String, PhaseResult> byName = new LinkedHashMap<>();
    for (PhaseResult r : results) {
      byName.merge(r.name(), r, PhaseResult::merge);
    }
    return new ArrayList<>(byName.values());
  }

  private Report report(List<PhaseResult> phases) {
    Report report = new Report(options.get("label"), options.get("scenario"), phases);
    report.note("mechanism", options.get("mechanism"));
    report.note("tls", options.get("tls"));
    report.note("processes", Integer.toString(processes()));
    if (baseline != null && loaded != null && sessionsAtBarrier > 0) {
      report.figure("sessions", sessionsAtBarrier);
      report.figure("rss_before_bytes", baseline.rssBytes());
      report.figure("rss_loaded_bytes", loaded.rssBytes());
      report.figure(
          "rss_per_session_bytes",
          (loaded.rssBytes() - baseline.rssBytes()) / (double) sessionsAtBarrier);
      if (loaded.liveHeapBytes() >= 0) {
        report.figure("heap_before_bytes", baseline.liveHeapBytes());
        report.figure("heap_loaded_bytes", loaded.liveHeapBytes());
        report.figure(
            "heap_per_session_bytes",
            (loaded.liveHeapBytes() - baseline.liveHeapBytes()) / (double) sessionsAtBarrier);
      }
    }
    return report;
  }
}
