package io.meerkat.server.api;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The admin API's {@code roster} category over real HTTP against a node with mod_roster. */
class AdminRosterApiTest {

  static final String MODULES =
      """

      [modules.mod_roster]
      [modules.mod_presence]
      [modules.mod_offline]
      """;

  @TempDir static Path dir;
  static TestNode node;
  static GraphqlClient admin;

  @BeforeAll
  static void start() {
    node = TestNode.start(dir, ApiNode.HTTP_LISTENERS + MODULES);
    admin = ApiNode.admin(node);
    for (String user : List.of("ann", "bea", "cid", "dot", "eve", "fox", "gil", "hux")) {
      node.node().users().register(Jid.bare(user, "localhost"), user + "-Pass-1");
    }
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static Response contacts(String user) {
    return admin.query(
        "query($u: JID!) { roster { listContacts(user: $u) { jid name groups subscription ask }"
            + " } }",
        Map.of("u", user));
  }

  /** A field of the first contact in the user's roster. */
  private static String first(String user, String field) {
    return contacts(user).data("roster/listContacts").path(0).path(field).asText();
  }

  private static Response add(String user, String contact) {
    return admin.query(
        "mutation($u: JID!, $c: JID!) { roster { addContact(user: $u, contact: $c, name: \"Friend\","
            + " groups: [\"work\", \"chess\"]) } }",
        Map.of("u", user, "c", contact));
  }

  private static Response subscription(String user, String contact, String action) {
    return admin.query(
        "mutation { roster { subscription(user: \"%s\", contact: \"%s\", action: %s) } }"
            .formatted(user, contact, action));
  }

  @Test
  void addedContactIsListedWithItsNameAndGroupsAndPushedToTheUsersClient() throws Exception {
    try (RawClient ann = RawClient.loggedIn(node.starttlsPort(), "ann", "ann-Pass-1", "pc")) {
      ann.send("<iq type='get' id='r1'><query xmlns='jabber:iq:roster'/></iq>");
      assertThat(ann.next().attribute("type")).isEqualTo("result");
      Response r = add("ann@localhost", "bea@localhost");
      assertThat(r.data("roster/addContact").asText()).isEqualTo("Contact added successfully");
      XmlElement push = ann.next();
      assertThat(push.attribute("type")).isEqualTo("set");
      assertThat(push.toString()).contains("bea@localhost").contains("Friend");
    }
    Response list = contacts("ann@localhost");
    assertThat(list.data("roster/listContacts").toString())
        .isEqualTo(
            "[{\"jid\":\"bea@localhost\",\"name\":\"Friend\",\"groups\":[\"chess\",\"work\"],"
                + "\"subscription\":\"NONE\",\"ask\":\"NONE\"}]");
    Response one =
        admin.query(
            "{ roster { getContact(user: \"ann@localhost\", contact: \"bea@localhost\") { jid"
                + " name } } }");
    assertThat(one.data("roster/getContact/name").asText()).isEqualTo("Friend");
  }

  @Test
  void inviteAndAcceptGiveTheSubscriptionStatesOfRfc6121() {
    assertThat(
            subscription("cid@localhost", "dot@localhost", "INVITE")
                .data("roster/subscription")
                .asText())
        .contains("sent successfully");
    assertThat(first("cid@localhost", "ask")).isEqualTo("OUT");
    subscription("dot@localhost", "cid@localhost", "ACCEPT");
    assertThat(first("cid@localhost", "subscription")).isEqualTo("TO");
    assertThat(first("cid@localhost", "ask")).isEqualTo("NONE");
    assertThat(first("dot@localhost", "subscription")).isEqualTo("FROM");
    subscription("cid@localhost", "dot@localhost", "CANCEL");
    assertThat(first("cid@localhost", "subscription")).isEqualTo("NONE");
  }

  @Test
  void setMutualSubscriptionConnectsAndDisconnectsTwoUsers() {
    Response r =
        admin.query(
            "mutation { roster { setMutualSubscription(userA: \"eve@localhost\", userB:"
                + " \"fox@localhost\", action: CONNECT) } }");
    assertThat(r.data("roster/setMutualSubscription").asText())
        .isEqualTo("Mutual subscription set successfully");
    assertThat(first("eve@localhost", "subscription")).isEqualTo("BOTH");
    assertThat(first("fox@localhost", "jid")).isEqualTo("eve@localhost");
    String disconnect =
        "mutation { roster { setMutualSubscription(userA: \"eve@localhost\", userB:"
            + " \"fox@localhost\", action: DISCONNECT) } }";
    assertThat(admin.query(disconnect).data("roster/setMutualSubscription").asText())
        .isEqualTo("Mutual subscription removed successfully");
    assertThat(contacts("eve@localhost").data("roster/listContacts").size()).isZero();
    assertThat(admin.query(disconnect).errorCode()).isEqualTo("contact_not_found");
  }

  @Test
  void addContactsAndDeleteContactsAnswerPerContactAndKeepGoingPastAFailure() {
    Response added =
        admin.query(
            "mutation { roster { addContacts(user: \"gil@localhost\", contacts: [{jid:"
                + " \"ann@localhost\"}, {jid: \"gil@localhost\"}, {jid: \"bea@localhost\","
                + " name: \"B\", groups: [\"g\"]}]) } }");
    assertThat(added.status()).isEqualTo(200);
    assertThat(added.data("roster/addContacts").toString())
        .isEqualTo("[\"Contact added successfully\",null,\"Contact added successfully\"]");
    assertThat(added.errorCode()).isEqualTo("bad_request");
    assertThat(added.body().at("/errors/0/path").toString())
        .isEqualTo("[\"roster\",\"addContacts\",1]");
    assertThat(contacts("gil@localhost").data("roster/listContacts").size()).isEqualTo(2);
    Response deleted =
        admin.query(
            "mutation { roster { deleteContacts(user: \"gil@localhost\", contacts:"
                + " [\"ann@localhost\", \"cid@localhost\", \"bea@localhost\"]) } }");
    assertThat(deleted.data("roster/deleteContacts").toString())
        .isEqualTo("[\"Contact deleted successfully\",null,\"Contact deleted successfully\"]");
    assertThat(deleted.errorCode()).isEqualTo("contact_not_found");
    assertThat(contacts("gil@localhost").data("roster/listContacts").size()).isZero();
  }

  @Test
  void deleteContactRemovesItAndAMissingContactIsReported() {
    add("hux@localhost", "ann@localhost");
    String delete =
        "mutation { roster { deleteContact(user: \"hux@localhost\", contact: \"ann@localhost\") }"
            + " }";
    assertThat(admin.query(delete).data("roster/deleteContact").asText())
        .isEqualTo("Contact deleted successfully");
    Response again = admin.query(delete);
    assertThat(again.errorCode()).isEqualTo("contact_not_found");
    Response get =
        admin.query(
            "{ roster { getContact(user: \"hux@localhost\", contact: \"ann@localhost\") { jid } } }");
    assertThat(get.errorCode()).isEqualTo("contact_not_found");
  }

  @Test
  void unknownUsersAndDomainsAreErrors() {
    assertThat(contacts("ghost@localhost").errorCode()).isEqualTo("user_does_not_exist");
    assertThat(contacts("ann@elsewhere.org").errorCode()).isEqualTo("unknown_domain");
    assertThat(add("ghost@localhost", "ann@localhost").errorCode())
        .isEqualTo("user_does_not_exist");
    Response mutual =
        admin.query(
            "mutation { roster { setMutualSubscription(userA: \"ann@localhost\", userB:"
                + " \"ghost@localhost\", action: CONNECT) } }");
    assertThat(mutual.errorCode()).isEqualTo("user_does_not_exist");
    assertThat(contacts("ann@localhost").body().toString()).doesNotContain("ghost");
  }

  @Test
  void invalidJidsAndWrongArgumentTypesAreRejectedBeforeAnythingRuns() {
    Response badJid = add("ann@localhost", "a@@b");
    assertThat(badJid.status()).isEqualTo(400);
    assertThat(badJid.errorMessage()).contains("Invalid JID");
    Response badAction = subscription("ann@localhost", "bea@localhost", "BEFRIEND");
    assertThat(badAction.status()).isEqualTo(400);
    Response badType =
        admin.query(
            "mutation { roster { addContact(user: \"ann@localhost\", contact: \"x@localhost\","
                + " groups: 42) } }");
    assertThat(badType.status()).isEqualTo(400);
    Response fullJid = add("ann@localhost", "bea@localhost/phone");
    assertThat(fullJid.errorCode()).isEqualTo("bad_request");
  }
}
