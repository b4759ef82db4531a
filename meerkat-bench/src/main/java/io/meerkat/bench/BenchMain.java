package io.meerkat.bench;

import io.meerkat.bench.load.BenchOptions;
import io.meerkat.bench.report.Comparison;
import io.meerkat.bench.report.Report;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The load generator's command line: {@code meerkat-bench --scenario chat --port 5222 ...} runs a
 * scenario against one server; {@code meerkat-bench compare <label=figures-file>...} prints the
 * side-by-side table of several runs.
 */
public final class BenchMain {

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(args));
  }

  static int run(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("compare")) {
      System.out.print(Comparison.fromFiles(Arrays.asList(args).subList(1, args.length)).table());
      return 0;
    }
    if (args.length == 0 || args[0].equals("--help")) {
      usage();
      return args.length == 0 ? 2 : 0;
    }
    BenchOptions o;
    try {
      o = new BenchOptions(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      usage();
      return 2;
    }
    if (o.integer("worker") >= 0) {
      return ForkedWorker.run(o);
    }
    Report report = new Coordinator(o).run();
    report.printTable(System.out);
    report.writeFiles(o.get("json"), o.get("figures"));
    boolean anySuccess =
        report.phases().stream().anyMatch(p -> p.counters().getOrDefault(p.rateCounter(), 0L) > 0);
    return anySuccess ? 0 : 1;
  }

  private static void usage() {
    System.err.println("usage: meerkat-bench [--option value]...");
    System.err.println("       meerkat-bench compare label=figures-file ...");
    for (Map.Entry<String, String[]> e : BenchOptions.SPEC.entrySet()) {
      if (!e.getKey().equals("worker")) {
        System.err.printf(
            "  --%-16s %s (default: %s)%n", e.getKey(), e.getValue()[1], e.getValue()[0]);
      }
    }
  }
}
