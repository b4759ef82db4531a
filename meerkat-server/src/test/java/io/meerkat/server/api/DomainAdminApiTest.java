package io.meerkat.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.testing.ApiNode;
import io.meerkat.server.testing.GraphqlClient;
import io.meerkat.server.testing.GraphqlClient.Response;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xmpp.Jid;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The domain_admin endpoint over real HTTP: {@code admin@example.com} runs the admin API for its
 * own domain only, with the password the global administrator gave it.
 */
class DomainAdminApiTest {

  static final String PASSWORD = "Example-Admin-1";

  @TempDir static Path dir;
  static TestNode node;
  static GraphqlClient global;
  static GraphqlClient exampleAdmin;

  @BeforeAll
  static void start() {
    node = ApiNode.start(dir);
    global = ApiNode.admin(node);
    exampleAdmin = ApiNode.domainAdmin(node, "example.com", PASSWORD);
    assertThat(setPassword(global, "example.com", PASSWORD).status()).isEqualTo(200);
    node.node().users().register(Jid.parse("bob@localhost"), "Bob-Pass-1");
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static Response setPassword(GraphqlClient client, String domain, String password) {
    return client.query(
        "mutation($d: DomainName!, $p: NonEmptyString!) { domain { setDomainPassword(domain: $d,"
            + " password: $p) } }",
        Map.of("d", domain, "p", password));
  }

  private static Response register(GraphqlClient client, String domain, String user) {
    return client.query(
        "mutation($d: DomainName!, $u: UserName) { account { registerUser(domain: $d, username:"
            + " $u, password: \"Some-Pass-1\") { jid } } }",
        Map.of("d", domain, "u", user));
  }

  private static void assertRefused(Response r, String type, String path) {
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body().has("data")).isFalse();
    assertThat(r.errorCode()).isEqualTo("no_permissions");
    assertThat(r.body().at("/errors/0/extensions/type").asText()).isEqualTo(type);
    assertThat(r.body().at("/errors/0/path").toString()).isEqualTo(path);
  }

  @Test
  void wrongCredentialsGetOneAnswerWhateverPartWasWrong() {
    List<GraphqlClient> wrong =
        List.of(
            ApiNode.domainAdmin(node, "example.com", "not-it"),
            ApiNode.domainAdmin(node, "localhost", PASSWORD), // no password set for localhost
            ApiNode.domainAdmin(node, "elsewhere.org", PASSWORD), // not served
            new GraphqlClient(ApiNode.domainAdminPort(node), "root@example.com", PASSWORD),
            new GraphqlClient(ApiNode.domainAdminPort(node), "admin@example.com/r", PASSWORD),
            new GraphqlClient(ApiNode.domainAdminPort(node), "example.com", PASSWORD),
            new GraphqlClient(
                ApiNode.domainAdminPort(node), ApiNode.ADMIN_USER, ApiNode.ADMIN_PASSWORD));
    Response missing =
        exampleAdmin.send(
            HttpRequest.newBuilder(
                    exampleAdmin.uri("/api/graphql?query=%7BcheckAuth%7BauthType%7D%7D"))
                .GET()
                .build());
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.errorCode()).isEqualTo("no_permissions");
    for (GraphqlClient client : wrong) {
      Response r = client.query("{ checkAuth { authType } }");
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.raw().body()).isEqualTo(missing.raw().body());
      assertThat(r.raw().headers().firstValue("www-authenticate"))
          .contains("Basic realm=\"Meerkat domain_admin\"");
    }
  }

  @Test
  void theDomainAdministratorRunsCommandsOnItsOwnDomain() {
    Response auth = exampleAdmin.query("{ checkAuth { authType authStatus domain } }");
    assertThat(auth.data("checkAuth/authType").asText()).isEqualTo("DOMAIN_ADMIN");
    assertThat(auth.data("checkAuth/domain").asText()).isEqualTo("example.com");
    assertThat(
            register(exampleAdmin, "example.com", "carol")
                .data("account/registerUser/jid")
                .asText())
        .isEqualTo("carol@example.com");
    assertThat(node.node().users().exists(Jid.parse("carol@example.com"))).isTrue();
    Response read =
        exampleAdmin.query(
            "{ account { countUsers(domain: \"example.com\") checkUser(user: \"carol@example.com\")"
                + " { exist } } session { listSessions(domain: \"example.com\") { user } }"
                + " stat { domainStats(domain: \"example.com\") { registeredUsers } }"
                + " domain { domainDetails(domain: \"example.com\") { domain hostType status } } }");
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body().has("errors")).isFalse();
    assertThat(read.data("account/checkUser/exist").asBoolean()).isTrue();
    assertThat(read.data("stat/domainStats/registeredUsers").asInt())
        .isEqualTo(read.data("account/countUsers").asInt())
        .isPositive();
    assertThat(read.data("domain/domainDetails").toString())
        .isEqualTo(
            "{\"domain\":\"example.com\",\"hostType\":\"example.com\",\"status\":\"ENABLED\"}");
  }

  @Test
  void commandsOnAnotherDomainAreRefusedAndDoNothing() {
    Response r = register(exampleAdmin, "localhost", "mallory");
    assertRefused(r, "domain", "[\"account\",\"registerUser\"]");
    assertThat(r.body().at("/errors/0/extensions/invalid_args").toString())
        .isEqualTo("[\"domain\"]");
    assertThat(r.errorMessage()).contains("example.com").contains("domain");
    assertThat(node.node().users().exists(Jid.parse("mallory@localhost"))).isFalse();
    assertRefused(
        exampleAdmin.query(
            "mutation { account { changeUserPassword(user: \"bob@localhost\", newPassword: \"x\")"
                + " { jid } } }"),
        "domain",
        "[\"account\",\"changeUserPassword\"]");
    assertThat(node.node().users().checkPassword(Jid.parse("bob@localhost"), "Bob-Pass-1"))
        .isTrue();
    assertRefused(
        exampleAdmin.query("{ domain { domainDetails(domain: \"localhost\") { domain } } }"),
        "domain",
        "[\"domain\",\"domainDetails\"]");
  }

  @Test
  void oneRefusedCommandRefusesTheWholeRequest() {
    Response r =
        exampleAdmin.query(
            "mutation { account { mine: registerUser(domain: \"example.com\", username: \"erin\","
                + " password: \"Erin-Pass-1\") { jid } theirs: registerUser(domain: \"localhost\","
                + " username: \"erin\", password: \"Erin-Pass-1\") { jid } } }");
    assertRefused(r, "domain", "[\"account\",\"theirs\"]");
    assertThat(node.node().users().exists(Jid.parse("erin@example.com"))).isFalse();
  }

  @Test
  void listingSessionsOfAllDomainsIsRefused() {
    assertRefused(
        exampleAdmin.query("{ session { listSessions { user } } }"),
        "domain",
        "[\"session\",\"listSessions\"]");
  }

  @Test
  void globalCommandsAreRefused() {
    assertRefused(
        exampleAdmin.query("{ server { status { statusCode } } }"),
        "global",
        "[\"server\",\"status\"]");
    assertRefused(
        exampleAdmin.query("{ stat { globalStats { onlineUsers } } }"),
        "global",
        "[\"stat\",\"globalStats\"]");
    assertRefused(
        exampleAdmin.query(
            "mutation { stanza { sendStanza(stanza: \"<message from='carol@example.com'"
                + " to='bob@localhost'/>\") { id } } }"),
        "global",
        "[\"stanza\",\"sendStanza\"]");
    assertRefused(
        exampleAdmin.query("mutation { domain { deleteDomainPassword(domain: \"example.com\") } }"),
        "global",
        "[\"domain\",\"deleteDomainPassword\"]");
    assertThat(exampleAdmin.query("{ checkAuth { authType } }").status()).isEqualTo(200);
  }

  @Test
  void aDomainAdministratorCannotSetAnotherDomainsPassword() {
    assertRefused(
        setPassword(exampleAdmin, "localhost", "Taken-Over-1"),
        "domain",
        "[\"domain\",\"setDomainPassword\"]");
    assertThat(
            ApiNode.domainAdmin(node, "localhost", "Taken-Over-1")
                .query("{ checkAuth {" + " authType } }")
                .status())
        .isEqualTo(401);
  }

  @Test
  void passwordLifecycleSetChangeDelete() {
    GraphqlClient first = ApiNode.domainAdmin(node, "localhost", "Local-First-1");
    assertThat(first.query("{ checkAuth { authType } }").status()).isEqualTo(401);

    Response set = setPassword(global, "localhost", "Local-First-1");
    assertThat(set.data("domain/setDomainPassword").asText()).isEqualTo("Domain password set");
    assertThat(first.query("{ checkAuth { domain } }").data("checkAuth/domain").asText())
        .isEqualTo("localhost");
    String stored =
        node.node()
            .database()
            .jdbc()
            .queryOne(
                "SELECT pass_details FROM domain_admins WHERE domain = ?",
                row -> row.getString(1),
                "localhost")
            .orElseThrow();
    assertThat(stored).startsWith("==MULTI_SCRAM==").doesNotContain("Local-First-1");

    // the domain administrator changes its own password
    assertThat(setPassword(first, "localhost", "Local-Second-2").status()).isEqualTo(200);
    assertThat(first.query("{ checkAuth { domain } }").status()).isEqualTo(401);
    GraphqlClient second = ApiNode.domainAdmin(node, "localhost", "Local-Second-2");
    assertThat(second.query("{ checkAuth { domain } }").status()).isEqualTo(200);

    Response deleted =
        global.query("mutation { domain { deleteDomainPassword(domain: \"localhost\") } }");
    assertThat(deleted.data("domain/deleteDomainPassword").asText())
        .isEqualTo("Domain password deleted");
    assertThat(second.query("{ checkAuth { domain } }").status()).isEqualTo(401);
    Response again =
        global.query("mutation { domain { deleteDomainPassword(domain: \"localhost\") } }");
    assertThat(again.errorCode()).isEqualTo("not_found");
  }

  @Test
  void passwordsOfDomainsThatAreNotServedCannotBeSet() {
    Response r = setPassword(global, "elsewhere.org", "Whatever-1");
    assertThat(r.errorCode()).isEqualTo("unknown_domain");
    assertThat(
            global
                .query("{ domain { domainDetails(domain: \"elsewhere.org\") { domain } } }")
                .errorCode())
        .isEqualTo("unknown_domain");
  }

  @Test
  void subscriptionsFollowTheSameScopes() throws Exception {
    node.node().users().register(Jid.parse("frank@example.com"), "Frank-Pass-1");
    node.node().users().register(Jid.parse("gina@example.com"), "Gina-Pass-1");
    BlockingQueue<String> lines =
        sse(
            exampleAdmin,
            "subscription { stanza { subscribeForMessages(caller: \"frank@example.com\") {"
                + " sender } } }");
    assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo(": subscribed");
    Response sent =
        exampleAdmin.query(
            "mutation { stanza { sendMessage(from: \"gina@example.com\", to:"
                + " \"frank@example.com\", body: \"hi\") { id } } }");
    assertThat(sent.status()).isEqualTo(200);
    assertThat(nextData(lines)).contains("gina@example.com");

    BlockingQueue<String> refused =
        sse(
            exampleAdmin,
            "subscription { stanza { subscribeForMessages(caller: \"bob@localhost\") { sender } }"
                + " }");
    assertThat(nextData(refused)).contains("no_permissions").contains("caller");
  }

  @Test
  void theEndpointServesGraphiqlToBrowsers() {
    Response page =
        exampleAdmin.send(
            exampleAdmin.request("/api/graphql").header("Accept", "text/html").GET().build());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw().body()).contains("GraphiQL");
  }

  private static BlockingQueue<String> sse(GraphqlClient client, String query) throws Exception {
    String uri = "/api/graphql/sse?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    HttpResponse<Stream<String>> response =
        client
            .http()
            .send(
                client.request(uri).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread.ofVirtual().start(() -> response.body().forEach(lines::add));
    return lines;
  }

  private static String nextData(BlockingQueue<String> lines) throws InterruptedException {
    while (true) {
      String line = lines.poll(10, TimeUnit.SECONDS);
      assertThat(line).as("an SSE line within 10 s").isNotNull();
      if (line.startsWith("data: ")) {
        return line.substring(6);
      }
    }
  }
}
