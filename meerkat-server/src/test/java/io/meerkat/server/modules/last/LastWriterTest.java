package io.meerkat.server.modules.last;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.xmpp.Jid;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Logout records are written off the sessions' threads, batched and coalesced. */
class LastWriterTest {

  /** A backend whose writes wait for a gate, counting transactions. */
  static final class GatedBackend implements LastBackend {
    final CountDownLatch gate = new CountDownLatch(1);
    final AtomicInteger transactions = new AtomicInteger();
    final Map<Jid, LastActivity> rows = new ConcurrentHashMap<>();
    volatile boolean failing;

    @Override
    public Optional<LastActivity> get(Jid user) {
      return Optional.ofNullable(rows.get(user));
    }

    @Override
    public void set(Jid user, LastActivity activity) {
      setAll(Map.of(user, activity));
    }

    @Override
    public void setAll(Map<Jid, LastActivity> activities) {
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (failing) {
        throw new IllegalStateException("database down");
      }
      transactions.incrementAndGet();
      rows.putAll(activities);
    }

    @Override
    public long countSince(String domain, long timestamp) {
      return 0;
    }

    @Override
    public List<Jid> listBefore(String domain, long timestamp) {
      return List.of();
    }

    @Override
    public void remove(Jid user) {
      rows.remove(user);
    }
  }

  @Test
  void aLogoutSpikeNeverWaitsForTheDatabaseAndIsWrittenInFewBatches() throws Exception {
    GatedBackend backend = new GatedBackend();
    int users = 3000;
    try (LastWriter writer = new LastWriter(backend)) {
      try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < users; i++) {
          int n = i;
          threads.submit(
              () -> writer.record(Jid.bare("u" + n, "localhost"), new LastActivity(n, "bye")));
        }
      }
      // Every record returned (the executor closed) although the database has not accepted a
      // single write yet: the gate is still shut.
      assertThat(backend.rows).isEmpty();
      assertThat(writer.pending(Jid.bare("u42", "localhost")))
          .contains(new LastActivity(42, "bye"));

      backend.gate.countDown();
      Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> backend.rows.size() == users);
      assertThat(backend.transactions.get()).isLessThanOrEqualTo(users / LastWriter.BATCH + 2);
      assertThat(writer.pending(Jid.bare("u42", "localhost"))).isEmpty();
    }
  }

  @Test
  void recordsStayPendingWhileTheDatabaseFailsAndAreWrittenWhenItRecovers() throws Exception {
    GatedBackend backend = new GatedBackend();
    backend.failing = true;
    backend.gate.countDown();
    Jid user = Jid.bare("patient", "localhost");
    try (LastWriter writer = new LastWriter(backend)) {
      writer.record(user, new LastActivity(7, "later"));
      Awaitility.await()
          .during(Duration.ofMillis(200))
          .atMost(Duration.ofSeconds(5))
          .until(() -> writer.pending(user).isPresent());
      backend.failing = false;
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .pollDelay(10, TimeUnit.MILLISECONDS)
          .until(() -> backend.rows.containsKey(user));
      assertThat(writer.pending(user)).isEmpty();
    }
  }
}
