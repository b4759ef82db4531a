package io.meerkat.server.modules.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.testing.RawClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mod_ping over real sockets: answering pings, pinging idle clients, closing silent ones. */
class PingModuleTest {

  @TempDir static Path killDir;
  @TempDir static Path keepDir;
  static TestNode killing;
  static TestNode keeping;

  private static final String PINGS =
      """
      [modules.mod_ping]
        send_pings = true
        ping_interval = 1
        ping_req_timeout = 1
        timeout_action = "%s"
      """;

  @BeforeAll
  static void start() {
    killing = TestNode.start(killDir, PINGS.formatted("kill"));
    keeping = TestNode.start(keepDir, PINGS.formatted("none"));
    for (TestNode n : new TestNode[] {killing, keeping}) {
      n.node().users().register(Jid.parse("alice@localhost"), "alice-pw");
    }
  }

  @AfterAll
  static void stop() {
    killing.close();
    keeping.close();
  }

  private static RawClient login(TestNode node) throws Exception {
    return RawClient.loggedIn(node.optionalTlsPort(), "alice", "alice-pw", "res");
  }

  private static XmlElement expectPing(RawClient c) throws Exception {
    XmlElement iq = c.next();
    assertThat(iq.attribute("type")).as(iq.toString()).isEqualTo("get");
    assertThat(iq.attribute("from")).isEqualTo("localhost");
    assertThat(iq.attribute("to")).isEqualTo("alice@localhost/res");
    assertThat(iq.child("ping", Namespaces.PING)).isNotNull();
    return iq;
  }

  @Test
  void aPingToTheServerIsAnsweredWithAnEmptyResult() throws Exception {
    try (RawClient c = login(keeping)) {
      c.send("<iq type='get' id='p1' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
      XmlElement reply = nextReply(c);
      assertThat(reply.attribute("type")).as(reply.toString()).isEqualTo("result");
      assertThat(reply.attribute("id")).isEqualTo("p1");
      assertThat(reply.attribute("from")).isEqualTo("localhost");
      assertThat(reply.children()).isEmpty();
      c.send("<iq type='get' id='p2'><ping xmlns='urn:xmpp:ping'/></iq>");
      assertThat(nextReply(c).attribute("type")).isEqualTo("result");
    }
  }

  /** The next stanza that is not a ping from the server (this node pings idle clients). */
  private static XmlElement nextReply(RawClient c) throws Exception {
    XmlElement e = c.next();
    while ("get".equals(e.attribute("type")) && e.child("ping", Namespaces.PING) != null) {
      e = c.next();
    }
    return e;
  }

  @Test
  void aClientThatAnswersIsPingedAgainAndStaysConnected() throws Exception {
    try (RawClient c = login(killing)) {
      for (int i = 0; i < 2; i++) {
        XmlElement ping = expectPing(c);
        c.send("<iq type='result' to='localhost' id='" + ping.attribute("id") + "'/>");
      }
      assertThat(killing.node().sessions().session(Jid.parse("alice@localhost/res"))).isPresent();
    }
  }

  @Test
  void anErrorAnswerAlsoProvesTheClientIsThere() throws Exception {
    try (RawClient c = login(killing)) {
      XmlElement ping = expectPing(c);
      c.send(
          "<iq type='error' to='localhost' id='"
              + ping.attribute("id")
              + "'><ping xmlns='urn:xmpp:ping'/><error type='cancel'>"
              + "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
      expectPing(c);
    }
  }

  @Test
  void aSilentClientIsDisconnectedWhenTheTimeoutActionIsKill() throws Exception {
    try (RawClient c = login(killing)) {
      expectPing(c);
      XmlElement last = c.readUntilClosed();
      assertThat(last.child("connection-timeout", Namespaces.STREAM_ERRORS))
          .as(String.valueOf(last))
          .isNotNull();
    }
  }

  @Test
  void aSilentClientIsOnlyPingedAgainWhenTheTimeoutActionIsNone() throws Exception {
    try (RawClient c = login(keeping)) {
      String first = expectPing(c).attribute("id");
      String second = expectPing(c).attribute("id");
      assertThat(second).isNotEqualTo(first);
      assertThat(keeping.node().sessions().session(Jid.parse("alice@localhost/res"))).isPresent();
    }
  }
}
