package io.meerkat.server.modules.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.xmpp.Jid;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link OfflineBackend} must do; each backend's test implements this. */
public interface OfflineBackendContract {

  /** A backend with no messages stored. */
  OfflineBackend backend();

  Jid ALICE = Jid.parse("alice@example.com");
  Jid BOB = Jid.parse("bob@example.com");
  Jid CAROL = Jid.parse("carol@localhost");
  Instant T0 = Instant.parse("2026-01-01T10:00:00.123456Z");

  static OfflineMessage message(String body, Instant at, Instant expire) {
    return new OfflineMessage(
        0,
        Jid.parse("sender@example.com/phone"),
        at,
        expire,
        "<message xmlns='jabber:client' type='chat'><body>" + body + "</body></message>");
  }

  @Test
  default void storedMessagesComeBackInOrderWithSenderAndMicrosecondTimestamps() {
    OfflineBackend b = backend();
    assertThat(b.store(ALICE, message("one", T0, null), 10)).isTrue();
    assertThat(b.store(ALICE, message("two", T0.plusSeconds(1), null), 10)).isTrue();
    assertThat(b.store(ALICE, message("three", T0.plusSeconds(2), null), 10)).isTrue();
    List<OfflineMessage> stored = b.messages(ALICE, T0.plusSeconds(3));
    assertThat(stored)
        .extracting(OfflineMessage::packet)
        .containsExactly(
            message("one", T0, null).packet(),
            message("two", T0, null).packet(),
            message("three", T0, null).packet());
    assertThat(stored.get(0).timestamp()).isEqualTo(T0);
    assertThat(stored.get(0).from()).isEqualTo(Jid.parse("sender@example.com/phone"));
    assertThat(stored).extracting(OfflineMessage::id).isSorted().doesNotHaveDuplicates();
  }

  @Test
  default void messagesBelongToTheirUserOnly() {
    OfflineBackend b = backend();
    b.store(ALICE, message("for alice", T0, null), 10);
    b.store(BOB, message("for bob", T0, null), 10);
    assertThat(b.messages(ALICE, T0)).hasSize(1);
    assertThat(b.messages(BOB, T0)).hasSize(1);
    assertThat(b.messages(CAROL, T0)).isEmpty();
    assertThat(b.count(ALICE)).isEqualTo(1);
  }

  @Test
  default void aFullQuotaRefusesTheNextMessageAndKeepsTheOthers() {
    OfflineBackend b = backend();
    assertThat(b.store(ALICE, message("1", T0, null), 2)).isTrue();
    assertThat(b.store(ALICE, message("2", T0, null), 2)).isTrue();
    assertThat(b.store(ALICE, message("3", T0, null), 2)).isFalse();
    assertThat(b.count(ALICE)).isEqualTo(2);
    assertThat(b.store(BOB, message("other user", T0, null), 2)).isTrue();
  }

  @Test
  default void deletingDeliveredIdsLeavesTheRest() {
    OfflineBackend b = backend();
    for (int i = 0; i < 5; i++) {
      b.store(ALICE, message("m" + i, T0, null), 10);
    }
    List<OfflineMessage> all = b.messages(ALICE, T0);
    assertThat(b.delete(ALICE, List.of(all.get(0).id(), all.get(1).id()))).isEqualTo(2);
    assertThat(b.delete(BOB, List.of(all.get(2).id()))).isZero();
    assertThat(b.messages(ALICE, T0))
        .extracting(OfflineMessage::id)
        .containsExactly(all.get(2).id(), all.get(3).id(), all.get(4).id());
  }

  @Test
  default void deletingManyIdsWorksBeyondOneBatch() {
    OfflineBackend b = backend();
    for (int i = 0; i < 250; i++) {
      b.store(ALICE, message("m" + i, T0, null), 1000);
    }
    List<Long> ids = b.messages(ALICE, T0).stream().map(OfflineMessage::id).toList();
    assertThat(b.delete(ALICE, ids)).isEqualTo(250);
    assertThat(b.count(ALICE)).isZero();
  }

  @Test
  default void expiredMessagesAreNotReturnedAndCanBePurged() {
    OfflineBackend b = backend();
    b.store(ALICE, message("expires", T0, T0.plusSeconds(60)), 10);
    b.store(ALICE, message("stays", T0, null), 10);
    b.store(CAROL, message("other domain", T0, T0.plusSeconds(60)), 10);
    assertThat(b.messages(ALICE, T0.plusSeconds(59))).hasSize(2);
    assertThat(b.messages(ALICE, T0.plusSeconds(60))).hasSize(1);
    assertThat(b.deleteExpired("example.com", T0.plusSeconds(61))).isEqualTo(1);
    assertThat(b.count(ALICE)).isEqualTo(1);
    assertThat(b.count(CAROL)).isEqualTo(1);
  }

  @Test
  default void oldMessagesOfADomainCanBePurged() {
    OfflineBackend b = backend();
    b.store(ALICE, message("old", T0, null), 10);
    b.store(ALICE, message("new", T0.plusSeconds(86_400 * 3), null), 10);
    b.store(CAROL, message("old elsewhere", T0, null), 10);
    assertThat(b.deleteOlderThan("example.com", T0.plusSeconds(86_400))).isEqualTo(1);
    assertThat(b.messages(ALICE, T0)).hasSize(1);
    assertThat(b.count(CAROL)).isEqualTo(1);
  }

  @Test
  default void removingAUserDeletesAllTheirMessages() {
    OfflineBackend b = backend();
    b.store(ALICE, message("1", T0, null), 10);
    b.store(ALICE, message("2", T0, null), 10);
    b.store(BOB, message("3", T0, null), 10);
    assertThat(b.removeUser(ALICE)).isEqualTo(2);
    assertThat(b.count(ALICE)).isZero();
    assertThat(b.count(BOB)).isEqualTo(1);
  }

  @Test
  default void textWithMarkupAndNonAsciiSurvivesStorage() {
    OfflineBackend b = backend();
    String packet =
        "<message xmlns='jabber:client' type='chat'><body>&lt;b&gt; ünïcødé 🦦</body></message>";
    b.store(ALICE, new OfflineMessage(0, BOB, T0, null, packet), 10);
    assertThat(b.messages(ALICE, T0).get(0).packet()).isEqualTo(packet);
  }
}
