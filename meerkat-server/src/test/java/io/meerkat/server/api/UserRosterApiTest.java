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

/** The user API's {@code roster} category: a user manages their own roster and nobody else's. */
class UserRosterApiTest {

  @TempDir static Path dir;
  static TestNode node;

  @BeforeAll
  static void start() {
    node = TestNode.start(dir, ApiNode.HTTP_LISTENERS + AdminRosterApiTest.MODULES);
    for (String user : List.of("ida", "jon", "kay", "lee", "mia")) {
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

  private static String contactsOf(String user) {
    return as(user)
        .query("{ roster { listContacts { jid subscription } } }")
        .data("roster/listContacts")
        .toString();
  }

  @Test
  void aUserAddsListsAndDeletesTheirOwnContacts() {
    Response added =
        as("ida")
            .query("mutation { roster { addContact(contact: \"jon@localhost\", name: \"Jon\") } }");
    assertThat(added.data("roster/addContact").asText()).isEqualTo("Contact added successfully");
    Response one =
        as("ida").query("{ roster { getContact(contact: \"jon@localhost\") { jid name ask } } }");
    assertThat(one.data("roster/getContact/name").asText()).isEqualTo("Jon");
    Response many =
        as("ida")
            .query(
                "mutation { roster { addContacts(contacts: [{jid: \"kay@localhost\"}, {jid:"
                    + " \"lee@localhost\"}]) } }");
    assertThat(many.data("roster/addContacts").size()).isEqualTo(2);
    assertThat(contactsOf("ida")).contains("jon@localhost", "kay@localhost", "lee@localhost");
    Response deleted =
        as("ida")
            .query(
                "mutation { roster { deleteContacts(contacts: [\"kay@localhost\","
                    + " \"lee@localhost\"]) d: deleteContact(contact: \"jon@localhost\") } }");
    assertThat(deleted.body().has("errors")).isFalse();
    assertThat(contactsOf("ida")).isEqualTo("[]");
  }

  @Test
  void subscriptionRequestsOfTwoUsersMakeAMutualSubscription() {
    as("kay")
        .query("mutation { roster { subscription(contact: \"mia@localhost\", action: INVITE) } }");
    as("mia")
        .query("mutation { roster { subscription(contact: \"kay@localhost\", action: ACCEPT) } }");
    assertThat(contactsOf("kay")).contains("\"subscription\":\"TO\"");
    assertThat(contactsOf("mia")).contains("\"subscription\":\"FROM\"");
  }

  @Test
  void aUserCannotReadOrChangeAnotherUsersRoster() {
    as("lee").query("mutation { roster { addContact(contact: \"mia@localhost\") } }");
    Response other =
        as("jon").query("{ roster { listContacts(user: \"lee@localhost\") { jid } } }");
    assertThat(other.status()).isEqualTo(400);
    Response delete =
        as("jon").query("mutation { roster { deleteContact(contact: \"mia@localhost\") } }");
    assertThat(delete.errorCode()).isEqualTo("contact_not_found");
    assertThat(contactsOf("lee")).contains("mia@localhost");
    assertThat(contactsOf("jon")).doesNotContain("mia@localhost");
  }

  @Test
  void badInputIsAnErrorAndChangesNothing() {
    assertThat(
            as("mia")
                .query("mutation { roster { addContact(contact: \"not a jid@@\") } }")
                .status())
        .isEqualTo(400);
    assertThat(
            as("mia")
                .query("mutation { roster { addContact(contact: \"mia@localhost\") } }")
                .errorCode())
        .isEqualTo("bad_request");
    assertThat(
            as("mia")
                .query(
                    "mutation { roster { subscription(contact: \"jon@localhost\", action: 3) } }")
                .status())
        .isEqualTo(400);
    assertThat(contactsOf("mia")).doesNotContain("mia@localhost");
  }
}
