package io.meerkat.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.testing.ApiNode;
import io.meerkat.server.testing.RawClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented user-API loop, run with the real {@code curl} binary (installed by {@code
 * .ci/install-test-tools}): GET with the mutation in the URL and basic auth of the account. Only
 * the host, the port and the loop bound differ from the documentation.
 */
class CurlLoopTest {

  @TempDir Path dir;

  private static final String LOOP =
      """
      BASIC_AUTH=$(echo -n 'alice@localhost:secret' | base64)
      for i in 1 2 3; \\
      do curl --get -N -H "Authorization:Basic $BASIC_AUTH" \\
      -H "Content-Type: application/json" --data-urlencode \\
      'query=mutation {stanza {sendMessage(to: "alice@localhost", body: "Hi") {id}}}' \\
      http://$LB_HOST:$PORT/api/graphql; \\
      echo; \\
      done
      """;

  @Test
  void theCurlLoopSendsMessagesThatAliceReceives() throws Exception {
    try (TestNode node = ApiNode.start(dir)) {
      node.node().users().register(Jid.parse("alice@localhost"), "secret");
      try (RawClient alice = RawClient.loggedIn(node.starttlsPort(), "alice", "secret", "web")) {
        alice.send("<presence/>");
        ProcessBuilder curl =
            new ProcessBuilder("bash", "-c", LOOP).redirectError(ProcessBuilder.Redirect.DISCARD);
        curl.environment().put("LB_HOST", "127.0.0.1");
        curl.environment().put("PORT", Integer.toString(ApiNode.userPort(node)));
        Process process = curl.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(
                output
                    .lines()
                    .filter(l -> l.startsWith("{\"data\":{\"stanza\":{\"sendMessage\":{\"id\":\"")))
            .as(output)
            .hasSize(3);
        int received = 0;
        while (received < 3) {
          XmlElement stanza = alice.next();
          if (stanza.name().equals("message")) {
            assertThat(stanza.childText("body", Namespaces.CLIENT)).isEqualTo("Hi");
            assertThat(stanza.attribute("from")).isEqualTo("alice@localhost");
            received++;
          }
        }
      }
    }
  }
}
