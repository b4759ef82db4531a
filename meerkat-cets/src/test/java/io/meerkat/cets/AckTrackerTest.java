package io.meerkat.cets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meerkat.cets.transport.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AckTrackerTest {

  private static final ServerId A = new ServerId(new NodeId("a", 1), 1);
  private static final ServerId B = new ServerId(new NodeId("b", 1), 1);
  private static final ServerId STRANGER = new ServerId(new NodeId("x", 1), 1);

  private final AckTracker acks = new AckTracker();
  private final List<String> done = new ArrayList<>();

  @Test
  void aWriteCompletesWhenEveryPeerOfItsSnapshotAcked() {
    acks.track(1, Set.of(A, B), () -> done.add("1"), reason -> done.add("aborted"));
    acks.ack(1, A);
    assertThat(done).isEmpty();
    acks.ack(1, B);
    assertThat(done).containsExactly("1");
    assertThat(acks.size()).isZero();
  }

  @Test
  void aPeerGoingDownCountsAsItsAckForEveryPendingWrite() {
    acks.track(1, Set.of(A, B), () -> done.add("1"), reason -> {});
    acks.track(2, Set.of(B), () -> done.add("2"), reason -> {});
    acks.ack(1, A);
    acks.peerDown(B);
    assertThat(done).containsExactlyInAnyOrder("1", "2");
  }

  @Test
  void acksFromUnknownPeersOrForUnknownRequestsAreIgnored() {
    acks.track(1, Set.of(A), () -> done.add("1"), reason -> {});
    acks.ack(1, STRANGER);
    acks.ack(99, A);
    assertThat(done).isEmpty();
    acks.ack(1, A);
    acks.ack(1, A);
    assertThat(done).containsExactly("1");
  }

  @Test
  void trackingAWriteWithoutPeersIsAProgrammingError() {
    assertThatThrownBy(() -> acks.track(1, Set.of(), () -> {}, reason -> {}))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void stoppingAbortsEveryPendingWrite() {
    acks.track(1, Set.of(A), () -> done.add("1"), reason -> done.add("aborted: " + reason));
    acks.abortAll("stopped");
    assertThat(done).containsExactly("aborted: stopped");
  }
}
