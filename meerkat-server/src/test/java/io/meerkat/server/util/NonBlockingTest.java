package io.meerkat.server.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonBlockingTest {

  @Test
  void aBlockingCallOutsideANonBlockingRunIsAllowed() {
    assertThatCode(() -> NonBlocking.check("a database call")).doesNotThrowAnyException();
  }

  @Test
  void aRunStopsAtItsFirstBlockingCallAndSaysSo() {
    List<String> done = new ArrayList<>();
    boolean finished =
        NonBlocking.tryRun(
            () -> {
              done.add("before");
              NonBlocking.check("a database call");
              done.add("after");
            });
    assertThat(finished).isFalse();
    assertThat(done).containsExactly("before");
  }

  @Test
  void aRunWithoutBlockingCallsFinishes() {
    List<String> done = new ArrayList<>();
    assertThat(NonBlocking.tryRun(() -> done.add("work"))).isTrue();
    assertThat(done).containsExactly("work");
  }

  @Test
  void blockingIsAllowedAgainOnceTheRunEnded() {
    NonBlocking.tryRun(() -> NonBlocking.check("a database call"));
    assertThatCode(() -> NonBlocking.check("a database call")).doesNotThrowAnyException();
  }

  @Test
  void aNestedRunLeavesTheStopToTheOutermost() {
    List<Boolean> inner = new ArrayList<>();
    boolean outer =
        NonBlocking.tryRun(
            () -> inner.add(NonBlocking.tryRun(() -> NonBlocking.check("a database call"))));
    assertThat(outer).isFalse();
    assertThat(inner).isEmpty();
  }
}
