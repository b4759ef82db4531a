package io.meerkat.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import com.ongres.scram.client.ScramClient;
import com.ongres.scram.common.StringPreparation;
import io.meerkat.server.testing.RawClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SCRAM-*-PLUS against an independent SCRAM client (ongres), with the binding data computed on the
 * client side of the real TLS connection.
 */
class ScramChannelBindingTest {

  @TempDir static Path dataDir;
  static TestNode node;

  @BeforeAll
  static void start() {
    node = TestNode.start(dataDir);
    node.node().users().register(Jid.parse("alice@localhost"), "Alice-Pass1");
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static RawClient overStarttls(int port) throws Exception {
    RawClient c = new RawClient(port);
    c.openStream("localhost");
    c.startTls();
    return c;
  }

  private static byte[] serverEndPoint(SSLSession session) throws Exception {
    return MessageDigest.getInstance("SHA-256")
        .digest(session.getPeerCertificates()[0].getEncoded());
  }

  private static byte[] exporter(SSLSession session) throws Exception {
    return (byte[])
        ExtendedSSLSession.class
            .getMethod("exportKeyingMaterialData", String.class, byte[].class, int.class)
            .invoke(session, "EXPORTER-Channel-Binding", new byte[0], 32);
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String unb64(String s) {
    return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
  }

  /** Runs a full SCRAM exchange and returns the server's last answer. */
  private static XmlElement scram(RawClient c, String mechanism, ScramClient client)
      throws Exception {
    c.send(
        "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='"
            + mechanism
            + "'>"
            + b64(client.clientFirstMessage().toString())
            + "</auth>");
    XmlElement challenge = c.next();
    if (!challenge.name().equals("challenge")) {
      return challenge;
    }
    client.serverFirstMessage(unb64(challenge.text()));
    c.send(
        "<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
            + b64(client.clientFinalMessage().toString())
            + "</response>");
    XmlElement outcome = c.next();
    if (outcome.name().equals("success")) {
      client.serverFinalMessage(unb64(outcome.text()));
    }
    return outcome;
  }

  private static ScramClient client(String mechanism, String type, byte[] binding) {
    return ScramClient.builder()
        .advertisedMechanisms(List.of(mechanism))
        .username("alice")
        .password("Alice-Pass1".toCharArray())
        .stringPreparation(StringPreparation.SASL_PREPARATION)
        .channelBinding(type, binding)
        .build();
  }

  @Test
  void scramSha256PlusWithServerEndPointBindingSucceedsOverOpenSsl() throws Exception {
    try (RawClient c = overStarttls(node.starttlsPort())) {
      c.openStream("localhost");
      byte[] binding = serverEndPoint(c.tlsSession());
      XmlElement outcome =
          scram(
              c,
              "SCRAM-SHA-256-PLUS",
              client("SCRAM-SHA-256-PLUS", "tls-server-end-point", binding));
      assertThat(outcome.name()).as(outcome.toString()).isEqualTo("success");
    }
  }

  @Test
  void tlsExporterIsOfferedAndWorksOnTheJdkProviderWithTls13() throws Exception {
    try (RawClient c = overStarttls(node.optionalTlsPort())) {
      XmlElement features = c.openStream("localhost");
      assertThat(c.tlsSession().getProtocol()).isEqualTo("TLSv1.3");
      assertThat(features.child("sasl-channel-binding", Namespaces.SASL_CHANNEL_BINDING).elements())
          .extracting(e -> e.attribute("type"))
          .containsExactly("tls-exporter", "tls-server-end-point");
      XmlElement outcome =
          scram(
              c,
              "SCRAM-SHA-512-PLUS",
              client("SCRAM-SHA-512-PLUS", "tls-exporter", exporter(c.tlsSession())));
      assertThat(outcome.name()).as(outcome.toString()).isEqualTo("success");
    }
  }

  @Test
  void openSslConnectionsOfferOnlyServerEndPointAndLeaveTheJdkProvidersExporterOffered()
      throws Exception {
    // The server remembers per TLS session class that OpenSSL cannot export keying material.
    for (int i = 0; i < 2; i++) {
      try (RawClient c = overStarttls(node.starttlsPort())) {
        XmlElement features = c.openStream("localhost");
        assertThat(c.tlsSession().getProtocol()).isEqualTo("TLSv1.3");
        assertThat(bindingTypes(features)).containsExactly("tls-server-end-point");
      }
    }
    try (RawClient c = overStarttls(node.optionalTlsPort())) {
      assertThat(bindingTypes(c.openStream("localhost")))
          .containsExactly("tls-exporter", "tls-server-end-point");
    }
  }

  private static List<String> bindingTypes(XmlElement features) {
    return features
        .child("sasl-channel-binding", Namespaces.SASL_CHANNEL_BINDING)
        .elements()
        .stream()
        .map(e -> e.attribute("type"))
        .toList();
  }

  @Test
  void wrongBindingDataIsRejected() throws Exception {
    try (RawClient c = overStarttls(node.starttlsPort())) {
      c.openStream("localhost");
      XmlElement outcome =
          scram(
              c,
              "SCRAM-SHA-256-PLUS",
              client("SCRAM-SHA-256-PLUS", "tls-server-end-point", new byte[32]));
      assertThat(outcome.child("not-authorized", Namespaces.SASL))
          .as(outcome.toString())
          .isNotNull();
    }
  }

  @Test
  void claimingTheServerCannotBindIsADowngradeAndFails() throws Exception {
    try (RawClient c = overStarttls(node.starttlsPort())) {
      c.openStream("localhost");
      c.send(
          "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-256'>"
              + b64("y,,n=alice,r=abcdefghijklmnop")
              + "</auth>");
      assertThat(c.next().child("not-authorized", Namespaces.SASL)).isNotNull();
    }
  }

  @Test
  void aPlusMechanismWithoutBindingIsMalformed() throws Exception {
    try (RawClient c = overStarttls(node.starttlsPort())) {
      c.openStream("localhost");
      c.send(
          "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-256-PLUS'>"
              + b64("n,,n=alice,r=abcdefghijklmnop")
              + "</auth>");
      assertThat(c.next().child("malformed-request", Namespaces.SASL)).isNotNull();
    }
  }

  @Test
  void anUnknownUserFailsOnlyAtTheProof() throws Exception {
    try (RawClient c = overStarttls(node.starttlsPort())) {
      c.openStream("localhost");
      ScramClient client =
          ScramClient.builder()
              .advertisedMechanisms(List.of("SCRAM-SHA-256"))
              .username("nobody")
              .password("whatever".toCharArray())
              .stringPreparation(StringPreparation.SASL_PREPARATION)
              .build();
      XmlElement outcome = scram(c, "SCRAM-SHA-256", client);
      assertThat(outcome.child("not-authorized", Namespaces.SASL))
          .as(outcome.toString())
          .isNotNull();
    }
  }
}
