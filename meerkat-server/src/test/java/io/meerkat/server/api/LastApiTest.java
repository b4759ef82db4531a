package io.meerkat.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.testing.ApiNode;
import io.meerkat.server.testing.GraphqlClient;
import io.meerkat.server.testing.GraphqlClient.Response;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xmpp.Jid;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code last} category of both endpoints over real HTTP. */
class LastApiTest {

  @TempDir static Path dir;
  static TestNode node;
  static GraphqlClient admin;

  @BeforeAll
  static void start() {
    node = TestNode.start(dir, ApiNode.HTTP_LISTENERS + StorageApiTest.MODULES);
    admin = ApiNode.admin(node);
    for (String user : List.of("abe", "bo", "cy", "old1", "old2", "new1")) {
      node.node().users().register(Jid.bare(user, "example.com"), user + "-Pass-1");
    }
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static Response setLast(String user, String timestamp, String status) {
    return admin.query(
        "mutation { last { setLast(user: \"%s\", timestamp: \"%s\", status: \"%s\") { user timestamp status } } }"
            .formatted(user, timestamp, status));
  }

  @Test
  void anAdministratorSetsAndReadsLastActivity() {
    Response set = setLast("abe@example.com", "2026-01-02T03:04:05Z", "gone fishing");
    assertThat(set.data("last/setLast/timestamp").asText()).isEqualTo("2026-01-02T03:04:05Z");
    Response get =
        admin.query("{ last { getLast(user: \"abe@example.com\") { user timestamp status } } }");
    assertThat(get.data("last/getLast/user").asText()).isEqualTo("abe@example.com");
    assertThat(get.data("last/getLast/status").asText()).isEqualTo("gone fishing");
  }

  @Test
  void aUserReadsAndSetsOnlyTheirOwnLastActivity() {
    GraphqlClient bo = ApiNode.user(node, "bo@example.com", "bo-Pass-1");
    assertThat(bo.query("{ last { getLast { status } } }").errorCode()).isEqualTo("not_found");
    Response set = bo.query("mutation { last { setLast(status: \"brb\") { user status } } }");
    assertThat(set.data("last/setLast/user").asText()).isEqualTo("bo@example.com");
    assertThat(bo.query("{ last { getLast { status } } }").data("last/getLast/status").asText())
        .isEqualTo("brb");
    Response other = bo.query("{ last { getLast(user: \"abe@example.com\") { status } } }");
    assertThat(other.status()).isEqualTo(400);
    assertThat(admin.query("{ last { getLast(user: \"cy@example.com\") { status } } }").errorCode())
        .isEqualTo("not_found");
  }

  @Test
  void oldUsersAreCountedListedAndRemoved() {
    setLast("old1@example.com", "2020-01-01T00:00:00Z", "");
    setLast("old2@example.com", "2020-06-01T00:00:00Z", "");
    setLast("new1@example.com", "2030-01-01T00:00:00Z", "");
    Response count =
        admin.query(
            "{ last { countActiveUsers(domain: \"example.com\", timestamp: \"2029-01-01T00:00:00Z\") } }");
    assertThat(count.data("last/countActiveUsers").asInt()).isEqualTo(1);
    Response list =
        admin.query(
            "{ last { listOldUsers(domain: \"example.com\", timestamp: \"2021-01-01T00:00:00Z\") {"
                + " jid timestamp } } }");
    assertThat(list.data("last/listOldUsers").toString())
        .isEqualTo(
            "[{\"jid\":\"old1@example.com\",\"timestamp\":\"2020-01-01T00:00:00Z\"},"
                + "{\"jid\":\"old2@example.com\",\"timestamp\":\"2020-06-01T00:00:00Z\"}]");
    Response removed =
        admin.query(
            "mutation { last { removeOldUsers(domain: \"example.com\", timestamp:"
                + " \"2021-01-01T00:00:00Z\") { jid } } }");
    assertThat(removed.data("last/removeOldUsers").size()).isEqualTo(2);
    assertThat(node.node().users().exists(Jid.parse("old1@example.com"))).isFalse();
    assertThat(node.node().users().exists(Jid.parse("new1@example.com"))).isTrue();
  }

  @Test
  void badArgumentsAreErrors() {
    assertThat(setLast("ghost@example.com", "2026-01-01T00:00:00Z", "").errorCode())
        .isEqualTo("user_does_not_exist");
    assertThat(setLast("abe@example.com", "yesterday", "").status()).isEqualTo(400);
    assertThat(
            admin
                .query(
                    "{ last { countActiveUsers(domain: \"elsewhere.org\", timestamp:"
                        + " \"2026-01-01T00:00:00Z\") } }")
                .errorCode())
        .isEqualTo("unknown_domain");
  }
}
