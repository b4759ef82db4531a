package io.meerkat.server.modules.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.cluster.ClusterLocks;
import io.meerkat.server.hooks.HookResult;
import io.meerkat.server.hooks.Hooks;
import io.meerkat.server.sm.LocalSessionTable;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.server.sm.SessionHandle;
import io.meerkat.server.sm.SessionManager;
import io.meerkat.server.storage.Database;
import io.meerkat.server.storage.TestDatabases;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.StreamError;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery deletes only what reached a session: nothing is lost when a session goes away. */
class OfflineDeliveryTest {

  private static final Jid BOB = Jid.parse("bob@localhost");
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @TempDir Path dir;
  private Database database;
  private OfflineBackend backend;
  private Hooks hooks;
  private SessionManager sessions;
  private OfflineDelivery delivery;

  /** A session that records what it is handed. */
  private static final class RecordingSession implements SessionHandle {
    final SessionEntry entry;
    final List<XmlElement> received = new ArrayList<>();

    RecordingSession(SessionEntry entry) {
      this.entry = entry;
    }

    @Override
    public SessionEntry entry() {
      return entry;
    }

    @Override
    public void deliver(XmlElement stanza) {
      received.add(stanza);
    }

    @Override
    public void close(StreamError reason) {}

    @Override
    public CompletableFuture<Void> closed() {
      return new CompletableFuture<>();
    }
  }

  @BeforeEach
  void open() {
    database = TestDatabases.h2(dir);
    backend = new RdbmsOfflineBackend(database.jdbc());
    hooks = new Hooks();
    sessions = new SessionManager("test", new LocalSessionTable(), hooks, Duration.ofSeconds(1));
    delivery =
        new OfflineDelivery(
            backend, sessions, hooks, Clock.fixed(NOW, ZoneOffset.UTC), ClusterLocks.NONE);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private SessionEntry entry(String resource) {
    return new SessionEntry(
        BOB.withResource(resource),
        sessions.newSessionId(),
        0,
        XmlElement.empty("presence", Namespaces.CLIENT),
        0,
        "test");
  }

  private void store(String body, Instant at) {
    backend.store(
        BOB,
        new OfflineMessage(
            0,
            Jid.parse("alice@localhost/desk"),
            at,
            null,
            "<message xmlns='jabber:client' type='chat'><body>" + body + "</body></message>"),
        100);
  }

  @Test
  void storedMessagesAreHandedOutUnderTheClusterWideLockOfTheUserAndOnlyThen() {
    List<String> locked = new ArrayList<>();
    List<String> held = new ArrayList<>();
    ClusterLocks recording =
        name -> {
          locked.add(name);
          held.add(name);
          return () -> held.remove(name);
        };
    OfflineDelivery clustered =
        new OfflineDelivery(backend, sessions, hooks, Clock.fixed(NOW, ZoneOffset.UTC), recording);
    RecordingSession session = new RecordingSession(entry("phone"));
    sessions.open(session);
    assertThat(clustered.deliver(session.entry())).isZero();
    assertThat(locked).isEmpty();
    store("one", NOW.minusSeconds(60));
    assertThat(clustered.deliver(session.entry())).isEqualTo(1);
    assertThat(locked).containsExactly("mod_offline/" + BOB);
    assertThat(held).isEmpty();
  }

  @Test
  void messagesForASessionThatIsGoneStayStored() {
    store("one", NOW.minusSeconds(60));
    store("two", NOW.minusSeconds(30));
    assertThat(delivery.deliver(entry("vanished"))).isZero();
    assertThat(backend.count(BOB)).isEqualTo(2);
  }

  @Test
  void deliveredMessagesCarryTheirStampAndAreDeletedAfterwards() {
    store("one", NOW.minusSeconds(60));
    store("two", NOW.minusSeconds(30));
    RecordingSession session = new RecordingSession(entry("phone"));
    sessions.open(session);
    assertThat(delivery.deliver(session.entry())).isEqualTo(2);
    assertThat(session.received)
        .extracting(m -> m.childText("body", Namespaces.CLIENT))
        .containsExactly("one", "two");
    XmlElement delay = session.received.get(0).child("delay", Namespaces.DELAY);
    assertThat(delay.attribute("stamp")).isEqualTo("2026-03-01T11:59:00Z");
    assertThat(delay.attribute("from")).isEqualTo("localhost");
    assertThat(backend.count(BOB)).isZero();
  }

  @Test
  void anUnreadableStoredMessageIsKeptAndTheRestDelivered() {
    backend.store(
        BOB, new OfflineMessage(0, BOB, NOW, null, "<message xmlns='jabber:client'"), 100);
    store("fine", NOW);
    RecordingSession session = new RecordingSession(entry("phone"));
    sessions.open(session);
    assertThat(delivery.deliver(session.entry())).isEqualTo(1);
    assertThat(backend.count(BOB)).isEqualTo(1);
  }

  @Test
  void aMessageFilteredByTheReceiveHookCountsAsHandled() {
    store("blocked", NOW);
    hooks.userReceivePacket.add(10, "test", (stanza, d) -> HookResult.stop(null));
    RecordingSession session = new RecordingSession(entry("phone"));
    sessions.open(session);
    assertThat(delivery.deliver(session.entry())).isEqualTo(1);
    assertThat(session.received).isEmpty();
    assertThat(backend.count(BOB)).isZero();
  }
}
