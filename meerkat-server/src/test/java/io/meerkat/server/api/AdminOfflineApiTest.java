package io.meerkat.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meerkat.server.testing.ApiNode;
import io.meerkat.server.testing.GraphqlClient;
import io.meerkat.server.testing.GraphqlClient.Response;
import io.meerkat.server.testing.RawClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API's {@code offline} category against a node with mod_offline. */
class AdminOfflineApiTest {

  @TempDir static Path dir;
  static TestNode node;
  static GraphqlClient admin;

  @BeforeAll
  static void start() {
    node = TestNode.start(dir, ApiNode.HTTP_LISTENERS + AdminRosterApiTest.MODULES);
    admin = ApiNode.admin(node);
    for (String user : List.of("oli", "pam", "rex")) {
      node.node().users().register(Jid.bare(user, "localhost"), user + "-Pass-1");
    }
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static void send(String to, String id, String extra) {
    Response r =
        admin.query(
            "mutation($s: Stanza!) { stanza { sendStanza(stanza: $s) { id } } }",
            Map.of(
                "s",
                "<message from='oli@localhost' to='%s' id='%s'><body>hi</body>%s</message>"
                    .formatted(to, id, extra)));
    assertThat(r.data("stanza/sendStanza/id").asText()).isEqualTo(id);
  }

  private static String deleteExpired(String domain) {
    return admin
        .query(
            "mutation($d: DomainName!) { offline { deleteExpiredMessages(domain: $d) } }",
            Map.of("d", domain))
        .data("offline/deleteExpiredMessages")
        .asText();
  }

  private static Response deleteOld(String domain, Object days) {
    return admin.query(
        "mutation($d: DomainName!, $n: Int!) { offline { deleteOldMessages(domain: $d, days: $n)"
            + " } }",
        Map.of("d", domain, "n", days));
  }

  @Test
  void expiredMessagesAreDeletedAndTheOthersKeptForDelivery() throws Exception {
    send("pam@localhost", "stale", "<x xmlns='jabber:x:expire' seconds='0'/>");
    send("pam@localhost", "fresh", "<x xmlns='jabber:x:expire' seconds='3600'/>");
    await().until(() -> deleteExpired("localhost").equals("Removed 1 messages"));
    assertThat(deleteExpired("localhost")).isEqualTo("Removed 0 messages");
    try (RawClient pam = RawClient.loggedIn(node.starttlsPort(), "pam", "pam-Pass-1", "r")) {
      pam.send("<presence/>");
      XmlElement first = pam.next();
      while (!first.name().equals("message")) {
        first = pam.next();
      }
      assertThat(first.attribute("id")).isEqualTo("fresh");
    }
  }

  @Test
  void oldMessagesAreDeletedByAgeInDays() {
    send("rex@example.com", "never-stored", "");
    node.node().users().register(Jid.bare("rex", "example.com"), "rex-Pass-1");
    send("rex@example.com", "old", "");
    await()
        .until(
            () ->
                deleteOld("example.com", 0)
                    .data("offline/deleteOldMessages")
                    .asText()
                    .equals("Removed 1 messages"));
    assertThat(deleteOld("example.com", 1).data("offline/deleteOldMessages").asText())
        .isEqualTo("Removed 0 messages");
  }

  @Test
  void badArgumentsAreErrors() {
    assertThat(deleteOld("localhost", -1).errorCode()).isEqualTo("bad_request");
    assertThat(deleteOld("elsewhere.org", 1).errorCode()).isEqualTo("unknown_domain");
    assertThat(deleteOld("localhost", "many").status()).isEqualTo(400);
    Response badDomain =
        admin.query("mutation { offline { deleteExpiredMessages(domain: \"a@b\") } }");
    assertThat(badDomain.status()).isEqualTo(400);
  }
}
