package io.meerkat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LiveTest {

  @Test
  void theProgressLineSumsTheProcessesAndShowsTheWorstLatencySinceTheLastLine() {
    Live one = new Live();
    one.open.add(3);
    one.sent.add(10);
    one.worstMicros.accumulate(1_500);
    one.worstMicros.accumulate(700);
    Live two = new Live();
    two.open.add(2);
    two.received.add(4);
    two.worstMicros.accumulate(2_250);

    String line = Live.describe(Arrays.asList(one.toLine(), two.toLine(), null), 1.0);

    assertThat(line).contains("open=5").contains("sent=10").contains("received=4");
    assertThat(line).endsWith("worst=2.3ms");
    assertThat(one.toLine()).endsWith(" 0");
    assertThat(Live.describe(Arrays.asList(one.toLine()), 2.0)).doesNotContain("worst=");
  }
}
