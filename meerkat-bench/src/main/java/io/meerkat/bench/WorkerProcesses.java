package io.meerkat.bench;

import io.meerkat.bench.load.BenchOptions;
import io.meerkat.bench.load.Coordination;
import io.meerkat.bench.load.Live;
import io.meerkat.bench.load.PhaseResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * Forks generator JVMs (this class path, {@link BenchMain} with {@code --worker i}), relays their
 * progress as one line, runs the coordinator's measurement when all reach a barrier and collects
 * their results. Each process holds at most {@link Coordinator#CONNECTIONS_PER_PROCESS} connections
 * because the machine allows 20,000 open files per process.
 */
final class WorkerProcesses {

  private final BenchOptions options;
  private final int count;
  private final Coordination onBarrier;
  private final String[] progress;
  private final List<PhaseResult> results = new ArrayList<>();

  WorkerProcesses(BenchOptions options, int count, Coordination onBarrier) {
    this.options = options;
    this.count = count;
    this.onBarrier = onBarrier;
    this.progress = new String[count];
  }

  List<PhaseResult> run(long startNanos) throws IOException, InterruptedException {
    long[] openAtBarrier = new long[count];
    List<Process> processes = new ArrayList<>();
    CyclicBarrier barrier =
        new CyclicBarrier(
            count, () -> onBarrier.barrier("sessions-up", Arrays.stream(openAtBarrier).sum()));
    CountDownLatch done = new CountDownLatch(count);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int i = 0; i < count; i++) {
      List<String> cmd = new ArrayList<>();
      cmd.addAll(
          List.of(
              java,
              "--enable-native-access=ALL-UNNAMED",
              "-XX:+UseParallelGC",
              "-cp",
              System.getProperty("java.class.path"),
              BenchMain.class.getName()));
      cmd.addAll(
          options.toArgs(
              Map.of(
                  "worker", Integer.toString(i),
                  "workers", Integer.toString(count),
                  "json", "",
                  "figures", "",
                  "server-pid", "0")));
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      processes.add(p);
      int index = i;
      Thread.ofPlatform()
          .name("worker-" + i)
          .start(() -> follow(index, p, barrier, openAtBarrier, done));
    }
    long limit = options.integer("max-seconds") + 60L;
    Thread ticker =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  try {
                    while (!done.await(1, TimeUnit.SECONDS)) {
                      System.err.println(
                          Live.describe(
                              Arrays.asList(progress), (System.nanoTime() - startNanos) / 1e9));
                    }
                  } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                  }
                });
    boolean finished = done.await(limit, TimeUnit.SECONDS);
    ticker.interrupt();
    for (Process p : processes) {
      if (!finished) {
        p.destroyForcibly();
      }
      p.waitFor(10, TimeUnit.SECONDS);
    }
    if (!finished) {
      throw new IllegalStateException("worker processes did not finish in " + limit + " s");
    }
    synchronized (results) {
      return List.copyOf(results);
    }
  }

  private void follow(
      int index, Process p, CyclicBarrier barrier, long[] openAtBarrier, CountDownLatch done) {
    try (BufferedReader r =
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        OutputStream toWorker = p.getOutputStream()) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("PROGRESS ")) {
          progress[index] = line.substring(9);
        } else if (line.startsWith("BARRIER ")) {
          openAtBarrier[index] = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
          barrier.await();
          toWorker.write("GO\n".getBytes(StandardCharsets.US_ASCII));
          toWorker.flush();
        } else if (line.startsWith("PHASE ")) {
          synchronized (results) {
            results.add(PhaseResult.fromLine(line.substring(6)));
          }
        } else if (line.equals("DONE")) {
          break;
        }
      }
    } catch (Exception e) {
      System.err.println("worker " + index + ": " + e);
      barrier.reset();
    } finally {
      done.countDown();
    }
  }
}
