package io.meerkat.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.testing.ApiNode;
import io.meerkat.server.testing.GraphqlClient;
import io.meerkat.server.testing.GraphqlClient.Response;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xmpp.Jid;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad requests to the GraphQL endpoints get proper HTTP statuses and GraphQL errors. */
class ApiErrorsTest {

  @TempDir static Path dir;
  static TestNode node;
  static GraphqlClient admin;

  @BeforeAll
  static void start() {
    node = ApiNode.start(dir);
    admin = ApiNode.admin(node);
    node.node().users().register(Jid.parse("ivy@localhost"), "Ivy-Pass-1");
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static final String CHECK = "{ checkAuth { authStatus } }";

  @Test
  void wrongAdminUserAndWrongAdminPasswordGetTheSame401() {
    Response wrongUser =
        new GraphqlClient(ApiNode.adminPort(node), "root", ApiNode.ADMIN_PASSWORD).query(CHECK);
    Response wrongPassword =
        new GraphqlClient(ApiNode.adminPort(node), ApiNode.ADMIN_USER, "guess").query(CHECK);
    assertThat(wrongUser.status()).isEqualTo(401);
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(wrongUser.raw().body()).isEqualTo(wrongPassword.raw().body());
    assertThat(wrongUser.errorMessage()).isEqualTo("Authentication failed");
    assertThat(wrongUser.raw().headers().firstValue("WWW-Authenticate"))
        .hasValue("Basic realm=\"Meerkat admin\"");
    Response none =
        admin.send(
            HttpRequest.newBuilder(admin.uri("/api/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + CHECK + "\"}"))
                .build());
    assertThat(none.status()).isEqualTo(401);
    assertThat(admin.query(CHECK).data("checkAuth/authStatus").asText()).isEqualTo("AUTHORIZED");
  }

  @Test
  void unknownUserAndWrongPasswordOnTheUserEndpointGetTheSame401() {
    Response unknown = ApiNode.user(node, "nobody@localhost", "Ivy-Pass-1").query(CHECK);
    Response wrong = ApiNode.user(node, "ivy@localhost", "wrong").query(CHECK);
    Response adminCredentials =
        ApiNode.user(node, ApiNode.ADMIN_USER, ApiNode.ADMIN_PASSWORD).query(CHECK);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(adminCredentials.status()).isEqualTo(401);
    assertThat(unknown.raw().body()).isEqualTo(wrong.raw().body());
  }

  @Test
  void malformedJsonIsA400WithAGraphqlError() {
    Response r =
        admin.send(
            admin
                .request("/api/graphql")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": "))
                .build());
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("bad_request");
    assertThat(r.errorMessage()).startsWith("Malformed JSON");
  }

  @Test
  void malformedGraphqlIsA400WithTheSyntaxErrorLocation() {
    Response r = admin.query("{ account { listUsers(domain: ");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("bad_request");
    assertThat(r.body().at("/errors/0/locations/0/line").asInt()).isEqualTo(1);
  }

  @Test
  void unknownFieldsAndWrongArgumentTypesFailValidation() {
    Response unknown = admin.query("{ account { listEverything } }");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.errorMessage()).contains("listEverything");
    Response wrongType =
        admin.query("{ session { getUserResource(user: \"a@localhost\", number: \"one\") } }");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.errorCode()).isEqualTo("bad_request");
    Response badJid = admin.query("{ account { checkUser(user: \"@@@\") { exist } } }");
    assertThat(badJid.status()).isEqualTo(400);
    assertThat(badJid.errorMessage()).contains("Invalid JID");
    Response missing = admin.query("{ account { checkUser { exist } } }");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.errorMessage()).contains("user");
  }

  @Test
  void variablesOfTheWrongTypeAreRefused() {
    Response r =
        admin.query(
            "query($n: Int!) { session { getUserResource(user: \"ivy@localhost\", number: $n) } }",
            java.util.Map.of("n", "three"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("bad_request");
  }

  @Test
  void oversizedBodiesAreRefusedWith413() {
    String big = "{\"query\":\"" + "x".repeat(70_000) + "\"}";
    Response r =
        admin.send(
            admin
                .request("/api/graphql")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(big))
                .build());
    assertThat(r.status()).isEqualTo(413);
  }

  @Test
  void unsupportedContentTypesAndMethodsAreRefused() {
    Response text =
        admin.send(
            admin
                .request("/api/graphql")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(CHECK))
                .build());
    assertThat(text.status()).isEqualTo(415);
    Response put =
        admin.send(
            admin.request("/api/graphql").PUT(HttpRequest.BodyPublishers.ofString(CHECK)).build());
    assertThat(put.status()).isEqualTo(405);
    Response graphqlBody =
        admin.send(
            admin
                .request("/api/graphql")
                .header("Content-Type", "application/graphql")
                .POST(HttpRequest.BodyPublishers.ofString(CHECK))
                .build());
    assertThat(graphqlBody.data("checkAuth/authStatus").asText()).isEqualTo("AUTHORIZED");
  }

  @Test
  void queriesWorkByGetAndMutationsByGetAreRefusedFromOtherSites() {
    String q = URLEncoder.encode(CHECK, StandardCharsets.UTF_8);
    Response get = admin.send(admin.request("/api/graphql?query=" + q).GET().build());
    assertThat(get.data("checkAuth/authStatus").asText()).isEqualTo("AUTHORIZED");
    String mutation =
        URLEncoder.encode(
            "mutation { server { setLoglevel(level: WARNING) } }", StandardCharsets.UTF_8);
    Response crossSite =
        admin.send(
            admin
                .request("/api/graphql?query=" + mutation)
                .header("Sec-Fetch-Site", "cross-site")
                .GET()
                .build());
    assertThat(crossSite.status()).isEqualTo(400);
    assertThat(crossSite.errorMessage()).contains("POST");
  }

  @Test
  void subscriptionsAreOnlyServedAsServerSentEvents() {
    Response r =
        admin.query(
            "subscription { stanza { subscribeForMessages(caller: \"ivy@localhost\") { sender } } }");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorMessage()).contains("/api/graphql/sse");
  }

  @Test
  void unknownPathsAre404() {
    assertThat(admin.send(admin.request("/nothing").GET().build()).status()).isEqualTo(404);
  }
}
