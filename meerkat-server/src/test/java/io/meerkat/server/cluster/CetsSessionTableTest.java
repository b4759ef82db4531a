package io.meerkat.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meerkat.cets.CetsNode;
import io.meerkat.cets.transport.memory.InMemoryNetwork;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.server.sm.SessionId;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CetsSessionTableTest {

  private final InMemoryNetwork network = new InMemoryNetwork();
  private final CetsNode a = new CetsNode(network.createTransport("a"));
  private final CetsNode b = new CetsNode(network.createTransport("b"));

  @AfterEach
  void stop() {
    a.close();
    b.close();
  }

  private static CetsSessionTable start(CetsNode node, long incarnation) {
    return CetsSessionTable.start(node::startTable, incarnation, e -> {}, rows -> {});
  }

  /** Starts the table on both nodes and joins them. */
  private List<CetsSessionTable> joined() {
    a.transport().connect(InMemoryNetwork.addressOf("b")).join();
    await().until(() -> b.transport().connectedNodes().contains(a.id()));
    CetsSessionTable onA = start(a, 1);
    CetsSessionTable onB = start(b, 2);
    a.join(CetsSessionTable.NAME, b.id());
    return List.of(onA, onB);
  }

  private static SessionEntry session(String full, String node, long serial, long connectedAt) {
    XmlElement presence =
        XmlElement.builder("presence", "jabber:client")
            .child(XmlElement.builder("status", "jabber:client").text("here & there").build())
            .build();
    return new SessionEntry(
        Jid.parse(full), new SessionId(node, serial), 5, presence, connectedAt, "c2s 127.0.0.1");
  }

  @Test
  void aRowSurvivesTheReplicationEncodingUnchanged() {
    SessionRecord row = SessionRecord.of(session("alice@localhost/phone", "a", 7, 100), 42);
    assertThat(SessionRecord.CODEC.decode(SessionRecord.CODEC.encode(row))).isEqualTo(row);
    SessionRecord unavailable =
        SessionRecord.of(session("alice@localhost/phone", "a", 7, 100).withPresence(null, 0), 42);
    assertThat(SessionRecord.CODEC.decode(SessionRecord.CODEC.encode(unavailable)))
        .isEqualTo(unavailable);
  }

  @Test
  void sessionsWrittenOnOneNodeAreReadOnTheOtherByFullAndBareJid() {
    List<CetsSessionTable> tables = joined();
    CetsSessionTable onA = tables.get(0);
    CetsSessionTable onB = tables.get(1);
    onA.put(session("alice@localhost/phone", "a", 1, 100));
    onB.put(session("alice@localhost/laptop", "b", 1, 200));
    onB.put(session("alice@localhost.org/phone", "b", 2, 300));
    assertThat(onB.lookup(Jid.parse("alice@localhost/phone")).orElseThrow().id())
        .isEqualTo(new SessionId("a", 1));
    assertThat(onA.lookupBare(Jid.parse("alice@localhost")))
        .extracting(e -> e.jid().resource())
        .containsExactly("laptop", "phone");
    assertThat(onA.count()).isEqualTo(3);
    assertThat(onA.listDomain("localhost.org")).hasSize(1);
  }

  @Test
  void twoSessionsOfOneResourceAreBothKeptAndTheNewestIsTheOneLookedUp() {
    List<CetsSessionTable> tables = joined();
    CetsSessionTable onA = tables.get(0);
    CetsSessionTable onB = tables.get(1);
    onA.put(session("bob@localhost/r", "a", 1, 100));
    onB.put(session("bob@localhost/r", "b", 9, 200));
    assertThat(onA.lookupAll(Jid.parse("bob@localhost/r"))).hasSize(2);
    assertThat(onA.lookup(Jid.parse("bob@localhost/r")).orElseThrow().id().node()).isEqualTo("b");
    assertThat(onA.lookupBare(Jid.parse("bob@localhost"))).hasSize(1);
  }

  @Test
  void theRowsOfOneIncarnationOfANodeAreFoundAndRemovedTogether() {
    List<CetsSessionTable> tables = joined();
    CetsSessionTable onA = tables.get(0);
    CetsSessionTable onB = tables.get(1);
    onB.put(session("bob@localhost/r", "b", 1, 100));
    onB.put(session("carol@localhost/r", "b", 2, 100));
    onA.put(session("dave@localhost/r", "a", 1, 100));
    List<SessionRecord> ofB = onA.ownedBy("b", 2);
    assertThat(ofB).hasSize(2);
    assertThat(onA.ownedBy("b", 3)).isEmpty();
    onA.deleteRows(ofB);
    assertThat(onB.all()).extracting(e -> e.jid().localpart()).containsExactly("dave");
  }
}
