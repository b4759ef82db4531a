package io.meerkat.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.testing.RawClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile and broken clients get the right stream or SASL error, are disconnected where the RFC
 * says so, and the server keeps serving everyone else (checked after every test).
 */
class C2sBadInputTest {

  @TempDir static Path dataDir;
  static TestNode node;

  @BeforeAll
  static void start() {
    node = TestNode.start(dataDir);
    node.node().users().register(Jid.parse("alice@localhost"), "alice-pw");
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @AfterEach
  void aNormalClientStillLogsInAndGetsAnswers() throws Exception {
    try (RawClient c = RawClient.loggedIn(node.starttlsPort(), "alice", "alice-pw", "check")) {
      c.send("<iq type='get' id='alive' to='localhost'><query xmlns='jabber:iq:register'/></iq>");
      assertThat(c.next().attribute("id")).isEqualTo("alive");
    }
  }

  private static XmlElement streamErrorAfter(String payload) throws IOException {
    try (RawClient c = RawClient.loggedIn(node.starttlsPort(), "alice", "alice-pw", "bad")) {
      c.send(payload);
      XmlElement error = c.next();
      assertThat(error.is("error", Namespaces.STREAMS)).as(error.toString()).isTrue();
      assertThat(c.closedByServer()).isTrue();
      return error;
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "<message><body>unclosed</message>|not-well-formed",
        "<message><body>\u0001</body></message>|not-well-formed",
        "<message><body>&xxe;</body></message>|restricted-xml",
        "<message><!-- comment --></message>|restricted-xml",
        "<message><?pi data?></message>|restricted-xml",
        "<bogus xmlns='urn:example'/>|unsupported-stanza-type",
      })
  void brokenOrRestrictedXmlEndsTheStreamWithTheMatchingError(String payload, String condition)
      throws Exception {
    assertThat(streamErrorAfter(payload).child(condition, Namespaces.STREAM_ERRORS)).isNotNull();
  }

  @Test
  void anOversizedStanzaIsAPolicyViolation() throws Exception {
    String big = "<message to='alice@localhost'><body>" + "x".repeat(10_000) + "</body></message>";
    assertThat(streamErrorAfter(big).child("policy-violation", Namespaces.STREAM_ERRORS))
        .isNotNull();
  }

  @Test
  void aDocumentTypeDeclarationBeforeTheStreamIsRestrictedXml() throws Exception {
    try (RawClient c = new RawClient(node.optionalTlsPort())) {
      c.send(
          "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;'>]>"
              + "<stream:stream to='localhost' xmlns='jabber:client'"
              + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>");
      XmlElement error = c.next();
      assertThat(error.child("restricted-xml", Namespaces.STREAM_ERRORS))
          .as(error.toString())
          .isNotNull();
      assertThat(c.closedByServer()).isTrue();
    }
  }

  private static RawClient tlsStream() throws IOException {
    RawClient c = new RawClient(node.starttlsPort());
    c.openStream("localhost");
    c.startTls();
    c.openStream("localhost");
    return c;
  }

  @Test
  void aWrongPasswordAndAnUnknownUserAreBothNotAuthorized() throws Exception {
    try (RawClient c = tlsStream()) {
      assertThat(c.authPlain("alice", "wrong").child("not-authorized", Namespaces.SASL))
          .isNotNull();
      assertThat(c.authPlain("nobody", "x").child("not-authorized", Namespaces.SASL)).isNotNull();
      assertThat(c.authPlain("alice", "alice-pw").name()).isEqualTo("success");
    }
  }

  @Test
  void malformedSaslDataGetsTheRightConditions() throws Exception {
    try (RawClient c = tlsStream()) {
      c.send(
          "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>%%%notbase64</auth>");
      assertThat(c.next().child("incorrect-encoding", Namespaces.SASL)).isNotNull();
      String noSeparators =
          Base64.getEncoder().encodeToString("alice".getBytes(StandardCharsets.UTF_8));
      c.send(
          "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
              + noSeparators
              + "</auth>");
      assertThat(c.next().child("malformed-request", Namespaces.SASL)).isNotNull();
      c.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='DIGEST-MD5'/>");
      assertThat(c.next().child("invalid-mechanism", Namespaces.SASL)).isNotNull();
      c.send("<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
      assertThat(c.next().child("malformed-request", Namespaces.SASL)).isNotNull();
    }
  }

  @Test
  void anAuthzidForSomeoneElseIsInvalidAuthzid() throws Exception {
    try (RawClient c = tlsStream()) {
      String data =
          Base64.getEncoder()
              .encodeToString("bob@localhost\0alice\0alice-pw".getBytes(StandardCharsets.UTF_8));
      c.send(
          "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + data + "</auth>");
      assertThat(c.next().child("invalid-authzid", Namespaces.SASL)).isNotNull();
    }
  }

  @Test
  void repeatedAuthFailuresCloseTheConnection() throws Exception {
    try (RawClient c = tlsStream()) {
      for (int i = 0; i < 4; i++) {
        assertThat(c.authPlain("alice", "guess" + i).name()).isEqualTo("failure");
      }
      c.authPlain("alice", "guess-last");
      XmlElement error = c.next();
      assertThat(error.child("policy-violation", Namespaces.STREAM_ERRORS))
          .as(error.toString())
          .isNotNull();
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void aClientThatNeverFinishesTheHandshakeIsClosedAfterTheStateTimeout() throws Exception {
    try (RawClient silent = new RawClient(node.starttlsPort());
        RawClient halfway = new RawClient(node.starttlsPort())) {
      halfway.openStream("localhost");
      XmlElement error = halfway.next();
      assertThat(error.child("connection-timeout", Namespaces.STREAM_ERRORS)).isNotNull();
      assertThat(halfway.closedByServer()).isTrue();
      assertThat(silent.readUntilClosed().child("connection-timeout", Namespaces.STREAM_ERRORS))
          .isNotNull();
    }
  }

  @Test
  void aSlowlorisClientIsCutOffByTheStateTimeout() throws Exception {
    try (RawClient slow = new RawClient(node.starttlsPort())) {
      String header =
          "<stream:stream to='localhost' xmlns='jabber:client'"
              + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";
      long start = System.nanoTime();
      boolean cut = false;
      for (int i = 0; i < header.length() && !cut; i++) {
        try {
          slow.send(header.substring(i, i + 1));
          slow.setTimeout(200);
          cut = slow.closedByServer();
        } catch (IOException e) {
          cut = true;
        }
      }
      assertThat(cut).as("connection closed before the header was complete").isTrue();
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    }
  }

  @Test
  void aFloodOfIdleConnectionsDoesNotStopService() throws Exception {
    List<Socket> flood = new ArrayList<>();
    try {
      for (int i = 0; i < 2000; i++) {
        flood.add(new Socket(InetAddress.getLoopbackAddress(), node.starttlsPort()));
      }
      try (RawClient c =
          RawClient.loggedIn(node.starttlsPort(), "alice", "alice-pw", "during-flood")) {
        c.send("<iq type='get' id='f' to='localhost'><query xmlns='jabber:iq:register'/></iq>");
        assertThat(c.next().attribute("id")).isEqualTo("f");
      }
    } finally {
      for (Socket s : flood) {
        s.close();
      }
    }
  }
}
