package io.meerkat.bench.report;

import io.meerkat.bench.load.PhaseResult;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The little JSON the reports need, written by hand (no parsing, no dependency). */
final class Json {

  private static final double[] PERCENTILES = {50, 90, 95, 99, 99.9};

  private Json() {}

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "null";
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }

  static String phase(PhaseResult p) {
    StringBuilder sb = new StringBuilder("{\"name\":").append(quote(p.name()));
    sb.append(",\"seconds\":").append(number(p.seconds()));
    sb.append(",\"rate_per_s\":").append(number(p.rate()));
    sb.append(",\"counters\":{");
    String sep = "";
    for (Map.Entry<String, Long> e : p.counters().entrySet()) {
      sb.append(sep).append(quote(e.getKey())).append(':').append(e.getValue());
      sep = ",";
    }
    sb.append("},\"latency_ms\":");
    Histogram h = p.histograms().get("latency");
    if (h == null || h.getTotalCount() == 0) {
      sb.append("null");
    } else {
      sb.append("{\"count\":").append(h.getTotalCount());
      for (double q : PERCENTILES) {
        sb.append(",\"p")
            .append(String.valueOf(q).replace(".0", "").replace('.', '_'))
            .append("\":")
            .append(number(h.getValueAtPercentile(q) / 1000.0));
      }
      sb.append(",\"max\":").append(number(h.getMaxValue() / 1000.0)).append('}');
    }
    return sb.append('}').toString();
  }
}
