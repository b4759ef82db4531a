package io.meerkat.bench.load;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * What one phase of a scenario measured in one generator process: its length, counters and latency
 * histograms (microseconds). Results of several processes {@link #merge}; they travel between
 * processes as one text line.
 *
 * @param rateCounter the counter whose rate is the phase's throughput
 */
public record PhaseResult(
    String name,
    double seconds,
    String rateCounter,
    Map<String, Long> counters,
    Map<String, Histogram> histograms) {

  /** Highest latency the histograms track: one minute, in microseconds. */
  public static final long MAX_MICROS = 60_000_000L;

  public static Histogram newHistogram() {
    return new Histogram(MAX_MICROS, 3);
  }

  public double rate() {
    long n = counters.getOrDefault(rateCounter, 0L);
    return seconds > 0 ? n / seconds : 0;
  }

  /** Sums counters and histograms; the length is the longest of the two. */
  public PhaseResult merge(PhaseResult other) {
    Map<String, Long> c = new TreeMap<>(counters);
    other.counters.forEach((k, v) -> c.merge(k, v, Long::sum));
    Map<String, Histogram> h = new TreeMap<>();
    histograms.forEach((k, v) -> h.put(k, v.copy()));
    other.histograms.forEach(
        (k, v) -> {
          Histogram mine = h.get(k);
          if (mine == null) {
            h.put(k, v.copy());
          } else {
            mine.add(v);
          }
        });
    return new PhaseResult(name, Math.max(seconds, other.seconds), rateCounter, c, h);
  }

  /** One line: {@code name seconds rateCounter k=v,k=v hist=base64,hist=base64}. */
  public String toLine() {
    StringBuilder sb = new StringBuilder();
    sb.append(name).append(' ').append(seconds).append(' ').append(rateCounter).append(' ');
    StringBuilder cs = new StringBuilder();
    counters.forEach((k, v) -> cs.append(cs.isEmpty() ? "" : ",").append(k).append('=').append(v));
    sb.append(cs.isEmpty() ? "-" : cs).append(' ');
    StringBuilder hs = new StringBuilder();
    histograms.forEach(
        (k, v) -> {
          ByteBuffer buf = ByteBuffer.allocate(v.getNeededByteBufferCapacity());
          int n = v.encodeIntoCompressedByteBuffer(buf);
          hs.append(hs.isEmpty() ? "" : ",").append(k).append('=');
          hs.append(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf.array(), n)));
        });
    sb.append(hs.isEmpty() ? "-" : hs);
    return sb.toString();
  }

  public static PhaseResult fromLine(String line) {
    String[] parts = line.trim().split(" ");
    if (parts.length != 5) {
      throw new IllegalArgumentException("not a phase result: " + line);
    }
    Map<String, Long> c = new TreeMap<>();
    if (!parts[3].equals("-")) {
      for (String kv : parts[3].split(",")) {
        int eq = kv.indexOf('=');
        c.put(kv.substring(0, eq), Long.parseLong(kv.substring(eq + 1)));
      }
    }
    Map<String, Histogram> h = new TreeMap<>();
    if (!parts[4].equals("-")) {
      for (String kv : parts[4].split(",")) {
        int eq = kv.indexOf('=');
        byte[] bytes = Base64.getDecoder().decode(kv.substring(eq + 1));
        try {
          h.put(
              kv.substring(0, eq),
              Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0));
        } catch (DataFormatException e) {
          throw new IllegalArgumentException("bad histogram in " + kv.substring(0, eq), e);
        }
      }
    }
    return new PhaseResult(parts[0], Double.parseDouble(parts[1]), parts[2], c, h);
  }
}
