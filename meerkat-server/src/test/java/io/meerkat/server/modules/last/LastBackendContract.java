package io.meerkat.server.modules.last;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.storage.DatabaseFixture;
import io.meerkat.xmpp.Jid;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** What every {@link LastBackend} must do; run against H2 and PostgreSQL. */
interface LastBackendContract extends DatabaseFixture {

  Jid ALICE = Jid.parse("alice@example.com");
  Jid BOB = Jid.parse("bob@example.com");
  Jid CAROL = Jid.parse("carol@other.example");

  default LastBackend backend() {
    createAccount(ALICE);
    createAccount(BOB);
    createAccount(CAROL);
    return new RdbmsLastBackend(database().jdbc());
  }

  @Test
  default void theLatestLogoutIsKeptWithItsStatus() {
    LastBackend backend = backend();
    backend.set(ALICE, new LastActivity(1000, "Heading home"));
    backend.set(ALICE, new LastActivity(2000, ""));
    assertThat(backend.get(ALICE)).contains(new LastActivity(2000, ""));
    assertThat(backend.get(BOB)).isEmpty();
  }

  @Test
  default void aBatchStoresEveryUserAndSkipsAccountsThatDoNotExist() {
    LastBackend backend = backend();
    backend.set(BOB, new LastActivity(10, "old"));
    Map<Jid, LastActivity> batch = new LinkedHashMap<>();
    batch.put(ALICE, new LastActivity(100, "a"));
    batch.put(BOB, new LastActivity(200, "b"));
    batch.put(Jid.parse("ghost@example.com"), new LastActivity(300, "g"));
    backend.setAll(batch);
    assertThat(backend.get(ALICE)).contains(new LastActivity(100, "a"));
    assertThat(backend.get(BOB)).contains(new LastActivity(200, "b"));
    assertThat(backend.get(Jid.parse("ghost@example.com"))).isEmpty();
  }

  @Test
  default void activeUsersAreCountedPerDomainFromATimestamp() {
    LastBackend backend = backend();
    backend.set(ALICE, new LastActivity(100, ""));
    backend.set(BOB, new LastActivity(200, ""));
    backend.set(CAROL, new LastActivity(300, ""));
    assertThat(backend.countSince("example.com", 100)).isEqualTo(2);
    assertThat(backend.countSince("example.com", 101)).isEqualTo(1);
    assertThat(backend.countSince("other.example", 0)).isEqualTo(1);
  }

  @Test
  default void oldUsersAreThoseWhoLeftBeforeTheTimestamp() {
    LastBackend backend = backend();
    backend.set(ALICE, new LastActivity(100, ""));
    backend.set(BOB, new LastActivity(200, ""));
    backend.set(CAROL, new LastActivity(50, ""));
    assertThat(backend.listBefore("example.com", 200)).containsExactly(ALICE);
    assertThat(backend.listBefore(null, 201)).containsExactly(ALICE, BOB, CAROL);
  }

  @Test
  default void aLogoutSpikeGoesThroughTheWriterInBatchedTransactions() {
    int users = 2000;
    database()
        .jdbc()
        .inTransaction(
            c -> {
              for (int i = 0; i < users; i++) {
                io.meerkat.server.storage.Jdbc.update(
                    c,
                    "INSERT INTO users (server, username) VALUES (?, ?)",
                    "spike.example",
                    "u" + i);
              }
              return null;
            });
    LastBackend real = new RdbmsLastBackend(database().jdbc());
    AtomicInteger transactions = new AtomicInteger();
    // The first write is held until every logout was recorded: the spike then arrives while a
    // batch is being written, as it does under load, whatever the speed of this machine.
    CountDownLatch allRecorded = new CountDownLatch(1);
    LastBackend counting =
        new LastBackend() {
          @Override
          public Optional<LastActivity> get(Jid user) {
            return real.get(user);
          }

          @Override
          public void set(Jid user, LastActivity activity) {
            real.set(user, activity);
          }

          @Override
          public void setAll(Map<Jid, LastActivity> activities) {
            if (transactions.incrementAndGet() == 1) {
              awaitUninterruptibly(allRecorded);
            }
            real.setAll(activities);
          }

          @Override
          public long countSince(String domain, long timestamp) {
            return real.countSince(domain, timestamp);
          }

          @Override
          public List<Jid> listBefore(String domain, long timestamp) {
            return real.listBefore(domain, timestamp);
          }

          @Override
          public void remove(Jid user) {
            real.remove(user);
          }
        };
    try (LastWriter writer = new LastWriter(counting)) {
      for (int i = 0; i < users; i++) {
        writer.record(Jid.bare("u" + i, "spike.example"), new LastActivity(1000 + i, "bye"));
      }
      allRecorded.countDown();
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> real.countSince("spike.example", 0) == users);
    }
    assertThat(transactions.get()).isLessThanOrEqualTo(users / LastWriter.BATCH + 2);
    assertThat(real.get(Jid.bare("u1999", "spike.example")))
        .contains(new LastActivity(2999, "bye"));
  }

  @Test
  default void removeDeletesTheRecord() {
    LastBackend backend = backend();
    backend.set(ALICE, new LastActivity(100, ""));
    backend.remove(ALICE);
    assertThat(backend.get(ALICE)).isEmpty();
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new AssertionError("the logouts were not recorded within 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
