package io.meerkat.bench.report;

import io.meerkat.bench.load.PhaseResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The results of one run against one server: phases merged over all processes plus key figures
 * (rates, latency percentiles in ms, memory per session), printed as a table, as JSON, and as
 * {@code name=value} lines that {@code bench/compare} joins into one table.
 */
public final class Report {

  private final String label;
  private final String scenario;
  private final List<PhaseResult> phases;
  private final Map<String, Double> figures = new LinkedHashMap<>();
  private final Map<String, String> notes = new LinkedHashMap<>();

  public Report(String label, String scenario, List<PhaseResult> phases) {
    this.label = label;
    this.scenario = scenario;
    this.phases = List.copyOf(phases);
    for (PhaseResult p : phases) {
      if (p.name().equals("generator")) {
        // cpu_ms per wall second over all processes: 1.0 means one core busy.
        figures.put(scenario + ".generator_cpu_cores", p.rate() / 1000);
        continue;
      }
      figures.put(p.name() + ".per_s", p.rate());
      Long cpu = p.counters().get("gen_cpu_ms");
      if (cpu != null && p.seconds() > 0) {
        figures.put(p.name() + ".generator_cpu_cores", cpu / 1000.0 / p.seconds());
      }
      long done = p.counters().getOrDefault(p.rateCounter(), 0L);
      if (done > 0 && cpu != null && p.rateCounter().equals("ok")) {
        // CPU per login (or registration) does not depend on what else the machine runs, unlike
        // the rates: the figures to compare when the machine is shared.
        figures.put(p.name() + ".generator_cpu_ms_per_login", cpu / (double) done);
        Long server = p.counters().get("server_cpu_ms");
        if (server != null) {
          figures.put(p.name() + ".server_cpu_ms_per_login", server / (double) done);
        }
      }
      Histogram h = p.histograms().get("latency");
      if (h != null && h.getTotalCount() > 0) {
        figures.put(p.name() + ".p50_ms", h.getValueAtPercentile(50) / 1000.0);
        figures.put(p.name() + ".p95_ms", h.getValueAtPercentile(95) / 1000.0);
        figures.put(p.name() + ".p99_ms", h.getValueAtPercentile(99) / 1000.0);
      }
    }
  }

  public List<PhaseResult> phases() {
    return phases;
  }

  public Map<String, Double> figures() {
    return figures;
  }

  public void figure(String name, double value) {
    figures.put(name, value);
  }

  public void note(String name, String value) {
    notes.put(name, value);
  }

  public void printTable(PrintStream out) {
    out.printf(Locale.ROOT, "%n%s: scenario %s%n", label, scenario);
    out.printf(
        Locale.ROOT,
        "%-18s %8s %11s %9s %9s %9s %9s  %s%n",
        "phase",
        "seconds",
        "rate/s",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms",
        "counters");
    for (PhaseResult p : phases) {
      if (p.name().equals("generator")) {
        continue;
      }
      Histogram h = p.histograms().get("latency");
      boolean has = h != null && h.getTotalCount() > 0;
      out.printf(
          Locale.ROOT,
          "%-18s %8.1f %11.1f %9s %9s %9s %9s  %s%n",
          p.name(),
          p.seconds(),
          p.rate(),
          has ? ms(h.getValueAtPercentile(50)) : "-",
          has ? ms(h.getValueAtPercentile(95)) : "-",
          has ? ms(h.getValueAtPercentile(99)) : "-",
          has ? ms(h.getMaxValue()) : "-",
          p.counters());
    }
    figures.forEach(
        (k, v) -> {
          if (k.contains("per_session") || k.contains("bytes") || k.contains("cpu")) {
            out.printf(Locale.ROOT, k.contains("cpu") ? "  %-36s %.2f%n" : "  %-36s %,.0f%n", k, v);
          }
        });
    notes.forEach((k, v) -> out.printf(Locale.ROOT, "  %-36s %s%n", k, v));
  }

  private static String ms(long micros) {
    return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
  }

  public String toJson() {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"server\":").append(Json.quote(label));
    sb.append(",\"scenario\":").append(Json.quote(scenario));
    sb.append(",\"notes\":{");
    String sep = "";
    for (Map.Entry<String, String> e : notes.entrySet()) {
      sb.append(sep).append(Json.quote(e.getKey())).append(':').append(Json.quote(e.getValue()));
      sep = ",";
    }
    sb.append("},\"figures\":{");
    sep = "";
    for (Map.Entry<String, Double> e : figures.entrySet()) {
      sb.append(sep).append(Json.quote(e.getKey())).append(':').append(Json.number(e.getValue()));
      sep = ",";
    }
    sb.append("},\"phases\":[");
    sep = "";
    for (PhaseResult p : phases) {
      sb.append(sep).append(Json.phase(p));
      sep = ",";
    }
    return sb.append("]}").toString();
  }

  public void writeFiles(String jsonPath, String figuresPath) throws IOException {
    if (!jsonPath.isBlank()) {
      Files.writeString(Path.of(jsonPath), toJson() + "\n");
    }
    if (!figuresPath.isBlank()) {
      StringBuilder sb = new StringBuilder();
      figures.forEach(
          (k, v) ->
              sb.append(k).append('=').append(String.format(Locale.ROOT, "%.3f", v)).append('\n'));
      Files.writeString(Path.of(figuresPath), sb.toString());
    }
  }
}
