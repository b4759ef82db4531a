package io.meerkat.server.e2e;

import io.meerkat.server.testing.ImModules;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xmpp.Jid;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.stringprep.XmppStringprepException;

/** Smack connections to a test node: STARTTLS, SCRAM-SHA-256, the self-signed certificate. */
public final class SmackConnections {

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

  private final TestNode node;

  SmackConnections(TestNode node) {
    this.node = node;
    SASLAuthentication.registerSASLMechanism(new OngresScramMechanism("SCRAM-SHA-256"));
    // Rosters are another module's business; these tests are about other features.
    Roster.setRosterLoadedAtLoginDefault(false);
  }

  /** STARTTLS required, SCRAM-SHA-256, the test node's self-signed certificate trusted. */
  public static XMPPTCPConnectionConfiguration.Builder configuration(int port)
      throws XmppStringprepException {
    return XMPPTCPConnectionConfiguration.builder()
        .setXmppDomain(TestNode.DOMAIN)
        .setHostAddress(InetAddress.getLoopbackAddress())
        .setPort(port)
        .setHostnameVerifier((host, session) -> true)
        .setCustomX509TrustManager(TRUST_ALL)
        .addEnabledSaslMechanism("SCRAM-SHA-256")
        .setSecurityMode(SecurityMode.required)
        .setConnectTimeout(10_000);
  }

  /** Creates the account and returns a logged-in connection with the given resource. */
  XMPPTCPConnection login(String user, String password, String resource) throws Exception {
    node.node().users().register(Jid.bare(user, TestNode.DOMAIN), password);
    XMPPTCPConnection c =
        new XMPPTCPConnection(
            configuration(ImModules.port(node))
                .setUsernameAndPassword(user, password)
                .setResource(resource)
                .build());
    c.setReplyTimeout(10_000);
    c.connect().login();
    return c;
  }
}
