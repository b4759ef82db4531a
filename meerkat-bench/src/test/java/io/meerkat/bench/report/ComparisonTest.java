package io.meerkat.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {

  @Test
  void theTableShowsTheFirstServersRatioToEachPeer() {
    Map<String, Map<String, Double>> figures = new LinkedHashMap<>();
    figures.put("meerkat", Map.of("chat-saturation.per_s", 30000.0, "rss_per_session_bytes", 10.0));
    figures.put(
        "ejabberd", Map.of("chat-saturation.per_s", 10000.0, "rss_per_session_bytes", 40.0));

    String table = new Comparison(figures).table();

    assertThat(table).contains("meerkat/ejabberd");
    assertThat(table)
        .containsPattern("chat-saturation.per_s\\s+30,000\\s+10,000\\s+3.00x\\s+higher");
    assertThat(table).containsPattern("rss_per_session_bytes\\s+10.00\\s+40.00\\s+0.25x\\s+lower");
  }

  @Test
  void theLiveHeapIsReadFromAClassHistogram() {
    String histogram =
        " num     #instances         #bytes  class name (module)\n"
            + "   1:         10          400  [B\n"
            + "Total         12345      6789012\n";

    assertThat(ServerProbe.parseHistogramTotal(histogram)).isEqualTo(6789012L);
  }
}
