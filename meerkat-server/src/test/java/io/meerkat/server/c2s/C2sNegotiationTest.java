package io.meerkat.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.testing.RawClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Namespaces;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stream negotiation over real sockets: features, STARTTLS, SASL, binding, stream errors. */
class C2sNegotiationTest {

  @TempDir static Path dataDir;
  static TestNode node;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start(dataDir);
    node.node().users().register(io.meerkat.xmpp.Jid.parse("alice@localhost"), "alice-secret");
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static List<String> mechanisms(XmlElement features) {
    XmlElement m = features.child("mechanisms", Namespaces.SASL);
    return m == null ? List.of() : m.elements().stream().map(XmlElement::text).toList();
  }

  @Test
  void beforeTlsARequiredStarttlsIsTheOnlyFeature() throws Exception {
    try (RawClient c = new RawClient(node.starttlsPort())) {
      XmlElement features = c.openStream("localhost");
      assertThat(c.header().attribute("from")).isEqualTo("localhost");
      assertThat(c.header().attribute("id")).isNotBlank();
      XmlElement starttls = features.child("starttls", Namespaces.TLS);
      assertThat(starttls).isNotNull();
      assertThat(starttls.child("required", Namespaces.TLS)).isNotNull();
      assertThat(features.child("mechanisms", Namespaces.SASL)).isNull();
    }
  }

  @Test
  void afterStarttlsScramWithChannelBindingAndPlainAreOffered() throws Exception {
    try (RawClient c = new RawClient(node.starttlsPort())) {
      c.openStream("localhost");
      c.startTls();
      XmlElement features = c.openStream("localhost");
      assertThat(mechanisms(features))
          .containsExactly(
              "SCRAM-SHA-512-PLUS",
              "SCRAM-SHA-512",
              "SCRAM-SHA-256-PLUS",
              "SCRAM-SHA-256",
              "SCRAM-SHA-1-PLUS",
              "SCRAM-SHA-1",
              "PLAIN");
      XmlElement bindings = features.child("sasl-channel-binding", Namespaces.SASL_CHANNEL_BINDING);
      assertThat(bindings.elements())
          .extracting(e -> e.attribute("type"))
          .contains("tls-server-end-point");
      assertThat(features.child("register", Namespaces.REGISTER_FEATURE)).isNotNull();
    }
  }

  @Test
  void withoutTlsPlainIsNeitherOfferedNorAccepted() throws Exception {
    try (RawClient c = new RawClient(node.optionalTlsPort())) {
      XmlElement features = c.openStream("localhost");
      assertThat(features.child("starttls", Namespaces.TLS).child("required", Namespaces.TLS))
          .isNull();
      assertThat(mechanisms(features))
          .doesNotContain("PLAIN")
          .contains("SCRAM-SHA-256")
          .noneMatch(m -> m.endsWith("PLUS"));
      XmlElement failure = c.authPlain("alice", "alice-secret");
      assertThat(failure.child("encryption-required", Namespaces.SASL))
          .as(failure.toString())
          .isNotNull();
    }
  }

  @Test
  void aLoggedInClientGetsItsRequestedResource() throws Exception {
    try (RawClient c = RawClient.loggedIn(node.starttlsPort(), "alice", "alice-secret", "laptop")) {
      c.send("<iq type='set' id='s1'><session xmlns='urn:ietf:params:xml:ns:xmpp-session'/></iq>");
      XmlElement session = c.next();
      assertThat(session.attribute("type")).isEqualTo("result");
      assertThat(session.attribute("id")).isEqualTo("s1");
    }
  }

  @Test
  void theServerGeneratesAResourceWhenNoneIsAsked() throws Exception {
    try (RawClient c = new RawClient(node.starttlsPort())) {
      c.openStream("localhost");
      c.startTls();
      c.openStream("localhost");
      c.authPlain("alice", "alice-secret");
      XmlElement features = c.restart("localhost");
      assertThat(features.child("bind", Namespaces.BIND)).isNotNull();
      assertThat(features.child("session", Namespaces.SESSION)).isNotNull();
      assertThat(c.bind(null)).startsWith("alice@localhost/meerkat-");
    }
  }

  @Test
  void directTlsListenerSkipsStarttls() throws Exception {
    try (RawClient c = RawClient.directTls(node.directTlsPort())) {
      XmlElement features = c.openStream("localhost");
      assertThat(features.child("starttls", Namespaces.TLS)).isNull();
      assertThat(mechanisms(features)).contains("PLAIN", "SCRAM-SHA-256-PLUS");
      assertThat(c.authPlain("alice", "alice-secret").name()).isEqualTo("success");
    }
  }

  @Test
  void anUnknownDomainIsHostUnknown() throws Exception {
    try (RawClient c = new RawClient(node.starttlsPort())) {
      c.send(
          "<stream:stream to='nowhere.example' xmlns='jabber:client'"
              + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>");
      XmlElement error = c.next();
      assertThat(error.child("host-unknown", Namespaces.STREAM_ERRORS))
          .as(error.toString())
          .isNotNull();
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void aWrongNamespaceIsInvalidNamespace() throws Exception {
    try (RawClient c = new RawClient(node.starttlsPort())) {
      c.send(
          "<stream:stream to='localhost' xmlns='jabber:server'"
              + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>");
      assertThat(c.next().child("invalid-namespace", Namespaces.STREAM_ERRORS)).isNotNull();
    }
  }

  @Test
  void stanzasBeforeAuthenticationAreNotAuthorized() throws Exception {
    try (RawClient c = new RawClient(node.optionalTlsPort())) {
      c.openStream("localhost");
      c.send("<message to='alice@localhost'><body>hi</body></message>");
      assertThat(c.next().child("not-authorized", Namespaces.STREAM_ERRORS)).isNotNull();
      assertThat(c.closedByServer()).isTrue();
    }
  }
}
