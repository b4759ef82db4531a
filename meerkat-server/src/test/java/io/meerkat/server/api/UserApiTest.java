package io.meerkat.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.testing.ApiNode;
import io.meerkat.server.testing.GraphqlClient;
import io.meerkat.server.testing.GraphqlClient.Response;
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

/** The user API: accounts acting for themselves, and never for anyone else. */
class UserApiTest {

  @TempDir static Path dir;
  static TestNode node;

  @BeforeAll
  static void start() {
    node = ApiNode.start(dir);
    for (String user : new String[] {"kim", "lou", "max", "ned"}) {
      node.node().users().register(Jid.bare(user, "localhost"), user + "-Pass-1");
    }
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static GraphqlClient as(String user) {
    return ApiNode.user(node, user + "@localhost", user + "-Pass-1");
  }

  @Test
  void checkAuthNamesTheAuthenticatedAccount() {
    Response r = as("kim").query("{ checkAuth { username authStatus } }");
    assertThat(r.data("checkAuth/username").asText()).isEqualTo("kim@localhost");
    assertThat(r.data("checkAuth/authStatus").asText()).isEqualTo("AUTHORIZED");
  }

  @Test
  void sendMessageGoesOutFromTheCallerOrOneOfItsResources() throws Exception {
    try (RawClient lou = RawClient.loggedIn(node.starttlsPort(), "lou", "lou-Pass-1", "pc")) {
      Response r =
          as("kim")
              .query(
                  "mutation { stanza { sendMessage(to: \"lou@localhost/pc\", body: \"Hi\") { id"
                      + " } } }");
      String id = r.data("stanza/sendMessage/id").asText();
      XmlElement message = lou.next();
      assertThat(message.attribute("from")).isEqualTo("kim@localhost");
      assertThat(message.attribute("id")).isEqualTo(id);
      assertThat(message.childText("body", Namespaces.CLIENT)).isEqualTo("Hi");

      as("kim")
          .query(
              "mutation { stanza { sendMessage(from: \"kim@localhost/api\", to:"
                  + " \"lou@localhost/pc\", body: \"From a resource\") { id } } }");
      assertThat(lou.next().attribute("from")).isEqualTo("kim@localhost/api");

      as("kim")
          .query(
              "mutation { stanza { sendStanza(stanza: \"<message to='lou@localhost/pc'>"
                  + "<body>Raw</body></message>\") { id } } }");
      XmlElement raw = lou.next();
      assertThat(raw.attribute("from")).isEqualTo("kim@localhost");
      assertThat(raw.childText("body", Namespaces.CLIENT)).isEqualTo("Raw");
    }
  }

  @Test
  void aUserCannotSendAsAnotherUser() throws Exception {
    try (RawClient lou = RawClient.loggedIn(node.starttlsPort(), "lou", "lou-Pass-1", "tab")) {
      Response spoofed =
          as("kim")
              .query(
                  "mutation { stanza { sendMessage(from: \"max@localhost\", to:"
                      + " \"lou@localhost/tab\", body: \"I am max\") { id } } }");
      assertThat(spoofed.errorCode()).isEqualTo("no_permissions");
      assertThat(spoofed.data("stanza/sendMessage").isNull()).isTrue();
      Response spoofedStanza =
          as("kim")
              .query(
                  "mutation { stanza { sendStanza(stanza: \"<message from='max@localhost'"
                      + " to='lou@localhost/tab'><body>I am max</body></message>\") { id } } }");
      assertThat(spoofedStanza.errorCode()).isEqualTo("no_permissions");
      // Nothing reached lou: the next thing lou sees is this message from the server's side.
      as("max")
          .query(
              "mutation { stanza { sendMessage(to: \"lou@localhost/tab\", body: \"real\") { id }"
                  + " } }");
      XmlElement next = lou.next();
      assertThat(next.childText("body", Namespaces.CLIENT)).isEqualTo("real");
      assertThat(next.attribute("from")).isEqualTo("max@localhost");
    }
  }

  @Test
  void theUserSchemaHasNoAdminCommands() {
    Response r = as("kim").query("{ account { listUsers(domain: \"localhost\") } }");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("bad_request");
  }

  @Test
  void sessionQueriesShowOnlyTheCallersOwnSessions() throws Exception {
    try (RawClient m1 = RawClient.loggedIn(node.starttlsPort(), "max", "max-Pass-1", "one");
        RawClient other = RawClient.loggedIn(node.starttlsPort(), "lou", "lou-Pass-1", "x")) {
      Response r =
          as("max").query("{ session { listResources countResources listSessions { user } } }");
      assertThat(r.data("session/listResources").toString()).isEqualTo("[\"one\"]");
      assertThat(r.data("session/countResources").asInt()).isEqualTo(1);
      assertThat(r.data("session/listSessions").get(0).path("user").asText())
          .isEqualTo("max@localhost/one");
    }
  }

  @Test
  void changePasswordAndUnregisterActOnTheCallersAccount() {
    Response changed =
        as("ned").query("mutation { account { changePassword(newPassword: \"ned-Pass-2\") } }");
    assertThat(changed.data("account/changePassword").asText()).isEqualTo("Password changed");
    assertThat(as("ned").query("{ checkAuth { authStatus } }").status()).isEqualTo(401);
    GraphqlClient ned = ApiNode.user(node, "ned@localhost", "ned-Pass-2");
    Response removed = ned.query("mutation { account { unregister } }");
    assertThat(removed.data("account/unregister").asText()).contains("ned@localhost");
    assertThat(node.node().users().exists(Jid.parse("ned@localhost"))).isFalse();
    assertThat(ned.query("{ checkAuth { authStatus } }").status()).isEqualTo(401);
  }
}
