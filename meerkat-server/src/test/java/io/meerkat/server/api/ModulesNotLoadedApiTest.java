package io.meerkat.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.testing.ApiNode;
import io.meerkat.server.testing.GraphqlClient.Response;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xmpp.Jid;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Module-backed categories on a node without their modules: the schema is there, calls refuse. */
class ModulesNotLoadedApiTest {

  @TempDir static Path dir;
  static TestNode node;

  @BeforeAll
  static void start() {
    node = ApiNode.start(dir);
    node.node().users().register(Jid.bare("nia", "localhost"), "nia-Pass-1");
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static void assertNotLoaded(Response r, String module) {
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.errorCode()).isEqualTo("deps_not_loaded");
    assertThat(r.body().at("/errors/0/extensions/not_loaded_modules").toString())
        .isEqualTo("[\"" + module + "\"]");
  }

  @Test
  void rosterCommandsAnswerDepsNotLoadedWithoutModRoster() {
    assertNotLoaded(
        ApiNode.admin(node).query("{ roster { listContacts(user: \"nia@localhost\") { jid } } }"),
        "mod_roster");
    assertNotLoaded(
        ApiNode.admin(node)
            .query(
                "mutation { roster { setMutualSubscription(userA: \"nia@localhost\", userB:"
                    + " \"x@localhost\", action: CONNECT) } }"),
        "mod_roster");
    assertNotLoaded(
        ApiNode.user(node, "nia@localhost", "nia-Pass-1")
            .query("mutation { roster { addContact(contact: \"x@localhost\") } }"),
        "mod_roster");
  }

  @Test
  void clusterCommandsAnswerDepsNotLoadedOnANodeWithoutCets() {
    for (String query :
        List.of(
            "{ cets { systemInfo { joinedNodes } } }",
            "{ cets { tableInfo { tableName } } }",
            "mutation { server { joinCluster(node: \"127.0.0.1:9100\") } }",
            "mutation { server { leaveCluster } }",
            "mutation { server { removeFromCluster(node: \"other\") } }")) {
      Response r = ApiNode.admin(node).query(query);
      assertThat(r.errorCode()).as(query).isEqualTo("deps_not_loaded");
      assertThat(r.body().at("/errors/0/extensions/not_loaded_internal_databases").toString())
          .isEqualTo("[\"cets\"]");
    }
  }

  @Test
  void offlineCommandsAnswerDepsNotLoadedWithoutModOffline() {
    assertNotLoaded(
        ApiNode.admin(node)
            .query("mutation { offline { deleteExpiredMessages(domain: \"localhost\") } }"),
        "mod_offline");
  }

  @Test
  void storageCommandsAnswerDepsNotLoadedWithoutTheirModules() {
    assertNotLoaded(
        ApiNode.admin(node)
            .query("{ vcard { getVcard(user: \"nia@localhost\") { formattedName } } }"),
        "mod_vcard");
    assertNotLoaded(
        ApiNode.user(node, "nia@localhost", "nia-Pass-1")
            .query("mutation { private { setPrivate(elementString: \"<a xmlns='urn:a'/>\") } }"),
        "mod_private");
    assertNotLoaded(
        ApiNode.admin(node)
            .query(
                "mutation { last { removeOldUsers(timestamp: \"2020-01-01T00:00:00Z\") { jid } }"
                    + " }"),
        "mod_last");
  }
}
