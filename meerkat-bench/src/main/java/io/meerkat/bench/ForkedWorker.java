package io.meerkat.bench;

import io.meerkat.bench.load.BenchOptions;
import io.meerkat.bench.load.Live;
import io.meerkat.bench.load.PhaseResult;
import io.meerkat.bench.load.SliceRunner;
import io.meerkat.bench.xmpp.ScramClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A generator process forked by the coordinator. It talks to the coordinator over its standard
 * streams, one line per message: {@code PROGRESS <totals>} every second, {@code BARRIER <name>
 * <open>} (then waits for a line on standard input), {@code PHASE <result>} and {@code DONE}.
 */
final class ForkedWorker {

  private ForkedWorker() {}

  static int run(BenchOptions o) throws IOException {
    PrintStream out = System.out;
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Live live = new Live();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    ticker.scheduleAtFixedRate(
        () -> {
          synchronized (out) {
            out.println("PROGRESS " + live.toLine());
            out.flush();
          }
        },
        1,
        1,
        TimeUnit.SECONDS);
    try {
      List<PhaseResult> results =
          SliceRunner.run(
              o,
              o.integer("worker"),
              o.integer("workers"),
              live,
              (name, open) -> {
                synchronized (out) {
                  out.println("BARRIER " + name + " " + open);
                  out.flush();
                }
                try {
                  in.readLine();
                } catch (IOException e) {
                  throw new IllegalStateException("coordinator gone", e);
                }
              },
              new ScramClient.SaltCache());
      synchronized (out) {
        for (PhaseResult r : results) {
          out.println("PHASE " + r.toLine());
        }
        out.println("DONE");
        out.flush();
      }
      return 0;
    } finally {
      ticker.shutdownNow();
    }
  }
}
