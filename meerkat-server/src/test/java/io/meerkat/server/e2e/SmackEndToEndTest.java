package io.meerkat.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meerkat.server.testing.TestNode;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Localpart;

/**
 * A real XMPP client library (Smack) against a running node: registration, SCRAM logins over
 * STARTTLS and Direct TLS, messages and IQs between two users.
 */
class SmackEndToEndTest {

  @TempDir static Path dataDir;
  static TestNode node;

  @BeforeAll
  static void start() {
    node = TestNode.start(dataDir);
    SASLAuthentication.registerSASLMechanism(new OngresScramMechanism("SCRAM-SHA-256"));
    // Rosters are the IM module's business; this test is about the core session.
    Roster.setRosterLoadedAtLoginDefault(false);
    VersionManager.setDefaultVersion("SmackTest", "1.0");
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static final X509TrustManager TRUST_ALL =
      new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      };

  private static SSLContext trustAll() throws Exception {
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, new TrustManager[] {TRUST_ALL}, null);
    return ssl;
  }

  private static XMPPTCPConnectionConfiguration.Builder base(int port, String mechanism)
      throws Exception {
    return XMPPTCPConnectionConfiguration.builder()
        .setXmppDomain("localhost")
        .setHostAddress(java.net.InetAddress.getLoopbackAddress())
        .setPort(port)
        .setHostnameVerifier((host, session) -> true)
        .setCustomX509TrustManager(TRUST_ALL)
        .addEnabledSaslMechanism(mechanism)
        .setSendPresence(true)
        .setConnectTimeout(10_000);
  }

  private static XMPPTCPConnection starttls(String mechanism) throws Exception {
    XMPPTCPConnection c =
        new XMPPTCPConnection(
            base(node.starttlsPort(), mechanism).setSecurityMode(SecurityMode.required).build());
    c.setReplyTimeout(10_000);
    return c;
  }

  private static XMPPTCPConnection directTls(String mechanism) throws Exception {
    XMPPTCPConnection c =
        new XMPPTCPConnection(
            base(node.directTlsPort(), mechanism)
                .setSecurityMode(SecurityMode.disabled)
                .setSocketFactory(trustAll().getSocketFactory())
                .build());
    c.setReplyTimeout(10_000);
    return c;
  }

  private static void register(String user, String password) throws Exception {
    XMPPTCPConnection c = starttls("SCRAM-SHA-256");
    try {
      c.connect();
      AccountManager accounts = AccountManager.getInstance(c);
      assertThat(accounts.supportsAccountCreation()).isTrue();
      accounts.createAccount(Localpart.from(user), password);
    } finally {
      c.disconnect();
    }
  }

  private static void chat(XMPPTCPConnection alice, XMPPTCPConnection bob) throws Exception {
    // A message to the bare JID goes to available resources only: wait for Bob's initial presence.
    io.meerkat.xmpp.Jid bobJid = io.meerkat.xmpp.Jid.parse(bob.getUser().toString());
    org.awaitility.Awaitility.await()
        .until(() -> node.node().sessions().session(bobJid).map(s -> s.available()).orElse(false));
    BlockingQueue<Message> bobInbox = new ArrayBlockingQueue<>(10);
    bob.addAsyncStanzaListener(s -> bobInbox.add((Message) s), StanzaTypeFilter.MESSAGE);
    Message message =
        alice
            .getStanzaFactory()
            .buildMessageStanza()
            .ofType(Message.Type.chat)
            .to(bob.getUser().asBareJid())
            .setBody("Hi Bob")
            .build();
    alice.sendStanza(message);
    Message received = bobInbox.poll(10, TimeUnit.SECONDS);
    assertThat(received).isNotNull();
    assertThat(received.getBody()).isEqualTo("Hi Bob");
    assertThat((Object) received.getFrom()).isEqualTo(alice.getUser());

    assertThat(PingManager.getInstanceFor(alice).ping(bob.getUser(), 10_000)).isTrue();
    Version version = VersionManager.getInstanceFor(alice).getVersion(bob.getUser());
    assertThat(version.getName()).startsWith("SmackTest");
  }

  @Test
  void twoUsersRegisterLogInOverStarttlsWithScramSha256AndTalk() throws Exception {
    register("alice", "Alice-Pass1");
    register("bob", "Bob-Pass1");
    XMPPTCPConnection alice = starttls("SCRAM-SHA-256");
    XMPPTCPConnection bob = starttls("SCRAM-SHA-256");
    try {
      alice.connect().login("alice", "Alice-Pass1", org.jxmpp.jid.parts.Resourcepart.from("desk"));
      bob.connect().login("bob", "Bob-Pass1");
      assertThat(alice.getUsedSaslMechansism()).isEqualTo("SCRAM-SHA-256");
      assertThat(alice.isSecureConnection()).isTrue();
      EntityFullJid aliceJid = alice.getUser();
      assertThat((Object) aliceJid).isEqualTo(JidCreate.entityFullFrom("alice@localhost/desk"));
      chat(alice, bob);
    } finally {
      alice.disconnect();
      bob.disconnect();
    }
  }

  @Test
  void theSameWorksOverDirectTls() throws Exception {
    register("carol", "Carol-Pass1");
    register("dave", "Dave-Pass1");
    XMPPTCPConnection carol = directTls("SCRAM-SHA-256");
    XMPPTCPConnection dave = directTls("SCRAM-SHA-1");
    try {
      carol.connect().login("carol", "Carol-Pass1");
      dave.connect().login("dave", "Dave-Pass1");
      assertThat(carol.getUsedSaslMechansism()).isEqualTo("SCRAM-SHA-256");
      assertThat(dave.getUsedSaslMechansism()).isEqualTo("SCRAM-SHA-1");
      chat(carol, dave);
    } finally {
      carol.disconnect();
      dave.disconnect();
    }
  }

  @Test
  void aWrongPasswordIsRejected() throws Exception {
    register("frank", "Frank-Pass1");
    XMPPTCPConnection frank = starttls("SCRAM-SHA-256");
    try {
      frank.connect();
      assertThatThrownBy(() -> frank.login("frank", "wrong")).isInstanceOf(XMPPException.class);
    } finally {
      frank.disconnect();
    }
  }

  @Test
  void registeringATakenNameFails() throws Exception {
    register("grace", "Grace-Pass1");
    assertThatThrownBy(() -> register("grace", "Other-Pass1"))
        .isInstanceOf(XMPPException.XMPPErrorException.class)
        .hasMessageContaining("conflict");
  }
}
