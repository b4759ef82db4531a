package io.meerkat.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.testing.ApiNode;
import io.meerkat.server.testing.GraphqlClient;
import io.meerkat.server.testing.GraphqlClient.Response;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xmpp.Jid;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code private} category of both endpoints over real HTTP. */
class StorageApiTest {

  static final String MODULES =
      """

      [modules.mod_vcard]
      [modules.mod_private]
      [modules.mod_last]
      """;

  @TempDir static Path dir;
  static TestNode node;
  static GraphqlClient admin;

  @BeforeAll
  static void start() {
    node = TestNode.start(dir, ApiNode.HTTP_LISTENERS + MODULES);
    admin = ApiNode.admin(node);
    for (String user : List.of("una", "vic", "wes")) {
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
  void privateDataIsStoredPerNamespaceAndReadBack() {
    Response set =
        admin.query(
            "mutation($e: String!) { private { setPrivate(user: \"una@localhost\", elementString:"
                + " $e) } }",
            Map.of("e", "<prefs xmlns='urn:example:prefs'><theme>dark</theme></prefs>"));
    assertThat(set.data("private/setPrivate").asText()).isEqualTo("Private data stored");
    Response get =
        admin.query(
            "{ private { getPrivate(user: \"una@localhost\", element: \"prefs\", nameSpace:"
                + " \"urn:example:prefs\") } }");
    assertThat(get.data("private/getPrivate").asText()).contains("<theme>dark</theme>");
    Response own =
        as("una")
            .query(
                "{ private { getPrivate(element: \"prefs\", nameSpace: \"urn:example:prefs\") } }");
    assertThat(own.data("private/getPrivate").asText()).contains("dark");
    Response nothing =
        admin.query(
            "{ private { getPrivate(user: \"una@localhost\", element: \"x\", nameSpace:"
                + " \"urn:example:none\") } }");
    assertThat(nothing.data("private/getPrivate").asText())
        .isEqualTo("<x xmlns='urn:example:none'/>");
  }

  @Test
  void aUsersPrivateDataIsTheirOwn() {
    as("vic")
        .query(
            "mutation { private { setPrivate(elementString: \"<notes"
                + " xmlns='urn:example:notes'>secret</notes>\") } }");
    Response wes =
        as("wes")
            .query(
                "{ private { getPrivate(element: \"notes\", nameSpace: \"urn:example:notes\") } }");
    assertThat(wes.data("private/getPrivate").asText()).doesNotContain("secret");
    Response other =
        as("wes")
            .query(
                "{ private { getPrivate(user: \"vic@localhost\", element: \"notes\", nameSpace:"
                    + " \"urn:example:notes\") } }");
    assertThat(other.status()).isEqualTo(400);
  }

  @Test
  void reservedNamespacesMalformedXmlAndUnknownUsersAreErrors() {
    assertThat(
            as("wes")
                .query(
                    "mutation { private { setPrivate(elementString: \"<q xmlns='jabber:x'/>\") } }")
                .errorCode())
        .isEqualTo("bad_request");
    assertThat(
            as("wes")
                .query("mutation { private { setPrivate(elementString: \"<a>\") } }")
                .errorCode())
        .isEqualTo("bad_request");
    assertThat(
            admin
                .query(
                    "{ private { getPrivate(user: \"ghost@localhost\", element: \"a\", nameSpace:"
                        + " \"urn:a\") } }")
                .errorCode())
        .isEqualTo("user_does_not_exist");
  }
}
