package io.meerkat.server.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

  private final ExecutorService backing = Executors.newVirtualThreadPerTaskExecutor();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final SerialExecutor mailbox = new SerialExecutor(backing, () -> log.add("idle"));

  @AfterEach
  void stop() {
    backing.shutdownNow();
  }

  @Test
  void anIdleMailboxRunsATaskOnTheCallingThreadThenItsIdleTask() {
    Thread caller = Thread.currentThread();
    boolean ran = mailbox.runIfIdle(() -> log.add(Thread.currentThread() == caller ? "here" : "x"));
    assertThat(ran).isTrue();
    assertThat(log).containsExactly("here", "idle");
    assertThat(mailbox.pending()).isZero();
  }

  @Test
  void aBusyMailboxRunsNothingInline() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(1);
    mailbox.execute(
        () -> {
          running.countDown();
          waitFor(release);
        });
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(mailbox.runIfIdle(() -> log.add("inline"))).isFalse();

    release.countDown();
    await().until(() -> mailbox.pending() == 0);
    assertThat(log).doesNotContain("inline");
  }

  @Test
  void tasksSubmittedDuringAnInlineRunRunAfterItInOrder() {
    mailbox.runIfIdle(
        () -> {
          log.add("inline");
          mailbox.execute(() -> log.add("first"));
          mailbox.execute(() -> log.add("second"));
        });
    await().until(() -> mailbox.pending() == 0 && log.size() == 5);
    assertThat(log).containsExactly("inline", "idle", "first", "second", "idle");
  }

  private static void waitFor(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
