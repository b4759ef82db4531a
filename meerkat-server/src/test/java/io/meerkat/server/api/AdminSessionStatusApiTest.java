package io.meerkat.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meerkat.server.testing.ApiNode;
import io.meerkat.server.testing.GraphqlClient;
import io.meerkat.server.testing.GraphqlClient.Response;
import io.meerkat.server.testing.RawClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xmpp.Jid;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API's {@code session} queries by presence status ({@code listUsersWithStatus}, {@code
 * countUsersWithStatus}) and of one account ({@code getUserResource} and friends) over real HTTP.
 */
class AdminSessionStatusApiTest {

  static final List<String> USERS = List.of("amy", "ben", "col", "dan", "eve");

  @TempDir static Path dir;
  static TestNode node;
  static GraphqlClient admin;

  @BeforeAll
  static void start() {
    node = TestNode.start(dir, ApiNode.HTTP_LISTENERS + AdminRosterApiTest.MODULES);
    admin = ApiNode.admin(node);
    for (String user : USERS) {
      node.node().users().register(Jid.bare(user, "localhost"), user + "-Pass-1");
    }
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  /** Each test starts with no sessions, so counts do not depend on the order tests run in. */
  @AfterEach
  void sessionsOfTheTestAreGone() {
    for (String user : USERS) {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> node.node().sessions().sessions(Jid.bare(user, "localhost")).isEmpty());
    }
  }

  private static RawClient login(String user, String resource) throws Exception {
    return RawClient.loggedIn(node.starttlsPort(), user, user + "-Pass-1", resource);
  }

  private static Response withStatus(String status) {
    return admin.query(
        "query($s: NonEmptyString!) { session { listUsersWithStatus(status: $s) { user priority"
            + " text } countUsersWithStatus(status: $s) } }",
        Map.of("s", status));
  }

  private static String usersWithStatus(String status) {
    return withStatus(status).data("session/listUsersWithStatus").toString();
  }

  @Test
  void sessionsAreListedAndCountedByTheShowOfTheirPresence() throws Exception {
    try (RawClient amy = login("amy", "desk");
        RawClient ben = login("ben", "phone");
        RawClient col = login("col", "tab");
        RawClient dan = login("dan", "idle")) {
      amy.send(
          "<presence><show>away</show><status>Lunch</status><priority>3</priority></presence>");
      ben.send("<presence><show>dnd</show></presence>");
      col.send("<presence><status xml:lang='de'>Da</status><status>Here</status></presence>");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> withStatus("available").data("session/countUsersWithStatus").asInt() == 1);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> withStatus("dnd").data("session/countUsersWithStatus").asInt() == 1);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> withStatus("away").data("session/countUsersWithStatus").asInt() == 1);

      assertThat(usersWithStatus("away"))
          .isEqualTo("[{\"user\":\"amy@localhost/desk\",\"priority\":3,\"text\":\"Lunch\"}]");
      assertThat(usersWithStatus("dnd"))
          .isEqualTo("[{\"user\":\"ben@localhost/phone\",\"priority\":0,\"text\":null}]");
      assertThat(usersWithStatus("available"))
          .isEqualTo("[{\"user\":\"col@localhost/tab\",\"priority\":0,\"text\":\"Here\"}]");
      assertThat(usersWithStatus("ONLINE")).isEqualTo(usersWithStatus("available"));
      assertThat(usersWithStatus("unavailable")).contains("dan@localhost/idle");
      assertThat(withStatus("xa").data("session/countUsersWithStatus").asInt()).isZero();
      assertThat(withStatus("chat").data("session/listUsersWithStatus").size()).isZero();

      Response inDomain =
          admin.query(
              "{ session { listUsersWithStatus(domain: \"localhost\", status: \"away\") { user }"
                  + " countUsersWithStatus(domain: \"localhost\", status: \"away\") } }");
      assertThat(inDomain.data("session/countUsersWithStatus").asInt()).isEqualTo(1);
      assertThat(inDomain.data("session/listUsersWithStatus").path(0).path("user").asText())
          .isEqualTo("amy@localhost/desk");
    }
  }

  @Test
  void unknownStatusesUnknownDomainsAndWrongTypesAreErrors() {
    assertThat(withStatus("sleeping").errorCode()).isEqualTo("bad_request");
    assertThat(withStatus("sleeping").errorMessage()).contains("available", "xa");
    Response emptyStatus = withStatus("");
    assertThat(emptyStatus.status()).isEqualTo(400);
    Response unknownDomain =
        admin.query(
            "{ session { countUsersWithStatus(domain: \"elsewhere.org\", status: \"away\") } }");
    assertThat(unknownDomain.errorCode()).isEqualTo("unknown_domain");
    Response wrongType = admin.query("{ session { listUsersWithStatus(status: 42) { user } } }");
    assertThat(wrongType.status()).isEqualTo(400);
    Response missing = admin.query("{ session { countUsersWithStatus } }");
    assertThat(missing.status()).isEqualTo(400);
  }

  @Test
  void getUserResourceNamesTheNthSessionOfAnExistingAccount() throws Exception {
    try (RawClient one = login("eve", "a-first");
        RawClient two = login("eve", "b-second")) {
      Response r =
          admin.query(
              "{ session { first: getUserResource(user: \"eve@localhost\", number: 1)"
                  + " second: getUserResource(user: \"eve@localhost\", number: 2) } }");
      assertThat(r.data("session/first").asText()).isEqualTo("a-first");
      assertThat(r.data("session/second").asText()).isEqualTo("b-second");
      for (int wrong : new int[] {0, -1, 3}) {
        assertThat(
                admin
                    .query(
                        "{ session { getUserResource(user: \"eve@localhost\", number: %d) } }"
                            .formatted(wrong))
                    .errorCode())
            .isEqualTo("wrong_resource_number");
      }
    }
    assertThat(
            admin
                .query("{ session { getUserResource(user: \"ghost@localhost\", number: 1) } }")
                .errorCode())
        .isEqualTo("user_does_not_exist");
    assertThat(
            admin
                .query("{ session { listUserSessions(user: \"ghost@localhost\") { user } } }")
                .errorCode())
        .isEqualTo("user_does_not_exist");
    assertThat(
            admin
                .query("{ session { getUserResource(user: \"eve@elsewhere.org\", number: 1) } }")
                .errorCode())
        .isEqualTo("unknown_domain");
    assertThat(
            admin
                .query("{ session { getUserResource(user: \"eve@localhost\", number: \"1\") } }")
                .status())
        .isEqualTo(400);
  }

  @Test
  void theUserEndpointCannotListOtherUsersSessions() throws Exception {
    try (RawClient col = login("col", "seen")) {
      col.send("<presence><show>chat</show></presence>");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> withStatus("chat").data("session/countUsersWithStatus").asInt() == 1);
      GraphqlClient amy = ApiNode.user(node, "amy@localhost", "amy-Pass-1");
      for (String query :
          List.of(
              "{ session { listUsersWithStatus(status: \"chat\") { user } } }",
              "{ session { countUsersWithStatus(status: \"chat\") } }",
              "{ session { getUserResource(user: \"col@localhost\", number: 1) } }",
              "{ session { listResources(user: \"col@localhost\") } }")) {
        Response r = amy.query(query);
        assertThat(r.status()).as(query).isEqualTo(400);
        assertThat(r.body().toString()).as(query).doesNotContain("col@localhost/seen");
      }
      assertThat(amy.query("{ session { listResources } }").data("session/listResources").size())
          .isZero();
    }
  }
}
