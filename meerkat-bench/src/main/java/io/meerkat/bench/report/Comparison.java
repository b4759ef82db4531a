package io.meerkat.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One table of the key figures of several servers, with the first server's ratio to each of the
 * others. Rates are better when higher, latencies and memory when lower; the ratio is always first
 * ÷ other, and the last column says which way is better.
 */
public final class Comparison {

  private final Map<String, Map<String, Double>> figuresByServer;

  public Comparison(Map<String, Map<String, Double>> figuresByServer) {
    this.figuresByServer = figuresByServer;
  }

  /** Reads {@code label=file} arguments; a label may repeat (one file per scenario). */
  public static Comparison fromFiles(List<String> labelledFiles) {
    Map<String, Map<String, Double>> all = new LinkedHashMap<>();
    for (String arg : labelledFiles) {
      int eq = arg.indexOf('=');
      String label = arg.substring(0, eq);
      Path file = Path.of(arg.substring(eq + 1));
      Map<String, Double> figures = all.computeIfAbsent(label, k -> new LinkedHashMap<>());
      try {
        if (!Files.exists(file)) {
          continue;
        }
        for (String line : Files.readAllLines(file)) {
          int e = line.indexOf('=');
          if (e > 0) {
            figures.put(line.substring(0, e), Double.parseDouble(line.substring(e + 1)));
          }
        }
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
    return new Comparison(all);
  }

  public String table() {
    List<String> servers = new ArrayList<>(figuresByServer.keySet());
    Set<String> names = new LinkedHashSet<>();
    figuresByServer.values().forEach(m -> names.addAll(m.keySet()));
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-38s", "figure"));
    for (String s : servers) {
      sb.append(String.format(Locale.ROOT, " %14s", s));
    }
    for (int i = 1; i < servers.size(); i++) {
      sb.append(String.format(Locale.ROOT, " %14s", servers.get(0) + "/" + servers.get(i)));
    }
    sb.append("  better\n");
    for (String name : names) {
      if (!interesting(name)) {
        continue;
      }
      sb.append(String.format(Locale.ROOT, "%-38s", name));
      for (String s : servers) {
        Double v = figuresByServer.get(s).get(name);
        sb.append(String.format(Locale.ROOT, " %14s", v == null ? "-" : format(v)));
      }
      Double mine = figuresByServer.get(servers.get(0)).get(name);
      for (int i = 1; i < servers.size(); i++) {
        Double other = figuresByServer.get(servers.get(i)).get(name);
        String ratio =
            mine == null || other == null || other == 0
                ? "-"
                : String.format(Locale.ROOT, "%.2fx", mine / other);
        sb.append(String.format(Locale.ROOT, " %14s", ratio));
      }
      sb.append(name.endsWith("per_s") ? "  higher" : "  lower").append('\n');
    }
    return sb.toString();
  }

  private static boolean interesting(String name) {
    if (name.startsWith("register")
        || name.startsWith("chat-login")
        || name.contains("warmup")
        || name.contains("hold")) {
      return false;
    }
    return name.endsWith("per_s")
        || name.endsWith("_ms")
        || name.endsWith("per_session_bytes")
        || name.endsWith("cpu_cores")
        || name.endsWith("_per_login");
  }

  private static String format(double v) {
    return Math.abs(v) >= 100
        ? String.format(Locale.ROOT, "%,.0f", v)
        : String.format(Locale.ROOT, "%.2f", v);
  }
}
