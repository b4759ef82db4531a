package io.meerkat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PhaseResultTest {

  private static PhaseResult result(long ok, long... latencies) {
    Histogram h = PhaseResult.newHistogram();
    for (long l : latencies) {
      h.recordValue(l);
    }
    return new PhaseResult(
        "login", 2.0, "ok", Map.of("ok", ok, "failed", 1L), Map.of("latency", h));
  }

  @Test
  void aResultSurvivesTheTripBetweenProcesses() {
    PhaseResult r = result(10, 100, 200, 300);

    PhaseResult back = PhaseResult.fromLine(r.toLine());

    assertThat(back.name()).isEqualTo("login");
    assertThat(back.counters()).containsEntry("ok", 10L).containsEntry("failed", 1L);
    assertThat(back.histograms().get("latency").getTotalCount()).isEqualTo(3);
    assertThat(back.rate()).isEqualTo(5.0);
  }

  @Test
  void mergingSumsCountersAndHistograms() {
    PhaseResult merged = result(10, 100).merge(result(30, 5000, 6000));

    assertThat(merged.counters()).containsEntry("ok", 40L).containsEntry("failed", 2L);
    assertThat(merged.histograms().get("latency").getTotalCount()).isEqualTo(3);
    assertThat(merged.rate()).isEqualTo(20.0);
  }
}
