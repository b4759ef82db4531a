package io.meerkat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PacerAndCapsTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void eventsBecomeDueAtTheConfiguredRateIndependentOfWhenTheyAreTaken() {
    Pacer p = new Pacer(0, 1000, 1_000_000);

    assertThat(p.due(0)).isEqualTo(1);
    assertThat(p.due(SECOND / 2)).isEqualTo(501);
    for (int i = 0; i < 501; i++) {
      p.issue();
    }
    assertThat(p.due(SECOND / 2)).isZero();
    // A late caller catches up: the offered load does not slow down with the server.
    assertThat(p.due(2 * SECOND)).isEqualTo(2001 - 501);
  }

  @Test
  void intendedTimesAreSpacedByTheRateSoLatencyIncludesQueueing() {
    Pacer p = new Pacer(100, 4, 10);
    p.issue();
    p.issue();

    assertThat(p.intendedNanos()).isEqualTo(100 + SECOND / 2);
  }

  @Test
  void thePacerNeverIssuesMoreThanItsCap() {
    Pacer p = new Pacer(0, 1_000_000, 5);

    assertThat(p.due(10 * SECOND)).isEqualTo(5);
    for (int i = 0; i < 5; i++) {
      p.issue();
    }
    assertThat(p.exhausted()).isTrue();
    assertThat(p.due(20 * SECOND)).isZero();
  }

  @Test
  void aNonPositiveRateIsRejected() {
    assertThatThrownBy(() -> new Pacer(0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void capsStopConnectionsAtTheBudget() {
    Caps caps = new Caps(3, 60, 0);

    assertThat(caps.tryOpen(1)).isTrue();
    assertThat(caps.tryOpen(1)).isTrue();
    assertThat(caps.tryOpen(1)).isTrue();
    assertThat(caps.tryOpen(1)).isFalse();
    assertThat(caps.opened()).isEqualTo(3);
  }

  @Test
  void capsStopEverythingAtTheDeadline() {
    Caps caps = new Caps(100, 2, 0);

    assertThat(caps.expired(2 * SECOND - 1)).isFalse();
    assertThat(caps.remainingNanos(SECOND)).isEqualTo(SECOND);
    assertThat(caps.tryOpen(2 * SECOND)).isFalse();
    assertThat(caps.expired(2 * SECOND)).isTrue();
  }

  @Test
  void slicesCoverAllAccountsWithEvenCountsSoChatPairsStayInOneProcess() {
    int[] a = SliceRunner.slice(50_002, 0, 3);
    int[] b = SliceRunner.slice(50_002, 1, 3);
    int[] c = SliceRunner.slice(50_002, 2, 3);

    assertThat(a[1] % 2).isZero();
    assertThat(b[1] % 2).isZero();
    assertThat(c[1] % 2).isZero();
    assertThat(a[0]).isEqualTo(1);
    assertThat(b[0]).isEqualTo(a[0] + a[1]);
    assertThat(c[0]).isEqualTo(b[0] + b[1]);
    assertThat(a[1] + b[1] + c[1]).isEqualTo(50_002);
  }

  @Test
  void optionsRejectUnknownNamesAndNonLoopbackSources() {
    assertThatThrownBy(() -> new BenchOptions(java.util.List.of("--usrs", "10")))
        .hasMessageContaining("unknown option --usrs");
    BenchOptions o = new BenchOptions(java.util.List.of("--sources", "10.0.0.1"));
    assertThatThrownBy(o::sources).hasMessageContaining("loopback");
    assertThat(new BenchOptions(java.util.List.of("--sources", "127.0.0.2-127.0.0.4")).sources())
        .hasSize(3);
  }

  @Test
  void crossNodeChatNeedsThePeerPortAndPutsTheSecondAccountOfEachPairThere() {
    assertThatThrownBy(() -> new BenchOptions(java.util.List.of("--scenario", "crossnode")))
        .hasMessageContaining("--peer-port");
    BenchOptions o =
        new BenchOptions(java.util.List.of("--scenario", "crossnode", "--peer-port", "5223"));
    LoadContext ctx = new LoadContext(o, null, null, null, null, 3, 4);
    assertThat(java.util.List.of(ctx.server(0), ctx.server(1), ctx.server(2), ctx.server(3)))
        .containsExactly(0, 1, 0, 1);
    LoadContext sameNode =
        new LoadContext(new BenchOptions(java.util.List.of()), null, null, null, null, 1, 4);
    assertThat(sameNode.server(1)).isZero();
  }
}
