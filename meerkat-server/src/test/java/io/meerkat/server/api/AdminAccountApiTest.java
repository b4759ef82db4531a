package io.meerkat.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.testing.ApiNode;
import io.meerkat.server.testing.GraphqlClient;
import io.meerkat.server.testing.GraphqlClient.Response;
import io.meerkat.server.testing.RawClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xml.XmlElement;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API's {@code account} category over real HTTP against a running node. */
class AdminAccountApiTest {

  @TempDir static Path dir;
  static TestNode node;
  static GraphqlClient admin;

  @BeforeAll
  static void start() {
    node = ApiNode.start(dir);
    admin = ApiNode.admin(node);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static Response register(String user, String password) {
    return admin.query(
        "mutation($u: UserName, $p: String!) { account { registerUser(domain: \"localhost\","
            + " username: $u, password: $p) { jid message } } }",
        user == null ? Map.of("p", password) : Map.of("u", user, "p", password));
  }

  @Test
  void registerUserCreatesAnAccountThatCanLogInOverXmpp() throws Exception {
    Response r = register("carol", "Carol-Pass-1");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.data("account/registerUser/jid").asText()).isEqualTo("carol@localhost");
    assertThat(r.data("account/registerUser/message").asText())
        .isEqualTo("User carol@localhost successfully registered");
    try (RawClient c = RawClient.loggedIn(node.starttlsPort(), "carol", "Carol-Pass-1", "r")) {
      assertThat(c.tlsSession()).isNotNull();
    }
  }

  @Test
  void registeringAnExistingUserIsAnErrorAndKeepsTheOldPassword() {
    register("dave", "Dave-Pass-1");
    Response again = register("dave", "Other-Pass-2");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.errorCode()).isEqualTo("user_exists");
    assertThat(again.body().at("/errors/0/path").toString())
        .isEqualTo("[\"account\",\"registerUser\"]");
    assertThat(again.data("account/registerUser").isNull()).isTrue();
    assertThat(
            node.node()
                .users()
                .checkPassword(io.meerkat.xmpp.Jid.parse("dave@localhost"), "Dave-Pass-1"))
        .isTrue();
  }

  @Test
  void registerWithoutUsernamePicksARandomOne() {
    Response r = register(null, "Random-Pass-1");
    assertThat(r.data("account/registerUser/jid").asText()).matches("[0-9a-f]{16}@localhost");
  }

  @Test
  void registeringInADomainThatIsNotServedIsRefused() {
    Response r =
        admin.query(
            "mutation { account { registerUser(domain: \"elsewhere.org\", username: \"x\","
                + " password: \"Pass-1234\") { jid } } }");
    assertThat(r.errorCode()).isEqualTo("unknown_domain");
  }

  @Test
  void listAndCountUsersReportTheAccountsOfADomain() {
    admin.query(
        "mutation { account { registerUser(domain: \"example.com\", username: \"zed\","
            + " password: \"Zed-Pass-1\") { jid } } }");
    Response r =
        admin.query(
            "{ account { listUsers(domain: \"example.com\") countUsers(domain: \"example.com\") } }");
    assertThat(r.data("account/listUsers").toString()).isEqualTo("[\"zed@example.com\"]");
    assertThat(r.data("account/countUsers").asInt()).isEqualTo(1);
  }

  @Test
  void checkUserAndCheckPasswordAnswerForExistingAndUnknownUsers() {
    register("erin", "Erin-Pass-1");
    Response r =
        admin.query(
            "{ account { a: checkUser(user: \"erin@localhost\") { exist message }"
                + " b: checkUser(user: \"nobody@localhost\") { exist }"
                + " c: checkPassword(user: \"erin@localhost\", password: \"Erin-Pass-1\") { correct }"
                + " d: checkPassword(user: \"erin@localhost\", password: \"wrong\") { correct } } }");
    assertThat(r.data("account/a/exist").asBoolean()).isTrue();
    assertThat(r.data("account/b/exist").asBoolean()).isFalse();
    assertThat(r.data("account/c/correct").asBoolean()).isTrue();
    assertThat(r.data("account/d/correct").asBoolean()).isFalse();
  }

  @Test
  void checkPasswordOfAnUnknownUserIsAnError() {
    Response r =
        admin.query(
            "{ account { checkPassword(user: \"ghost@localhost\", password: \"x\") { correct } } }");
    assertThat(r.errorCode()).isEqualTo("user_does_not_exist");
    assertThat(r.errorMessage()).isEqualTo("User ghost@localhost does not exist");
  }

  @Test
  void changeUserPasswordReplacesThePassword() {
    register("fay", "Fay-Pass-1");
    Response r =
        admin.query(
            "mutation { account { changeUserPassword(user: \"fay@localhost\","
                + " newPassword: \"Fay-Pass-2\") { jid message } } }");
    assertThat(r.data("account/changeUserPassword/jid").asText()).isEqualTo("fay@localhost");
    Response check =
        admin.query(
            "{ account { checkPassword(user: \"fay@localhost\", password: \"Fay-Pass-2\") {"
                + " correct } } }");
    assertThat(check.data("account/checkPassword/correct").asBoolean()).isTrue();
  }

  @Test
  void removeUserDeletesTheAccountAndDisconnectsItsSessions() throws Exception {
    register("gus", "Gus-Pass-1");
    try (RawClient c = RawClient.loggedIn(node.starttlsPort(), "gus", "Gus-Pass-1", "r")) {
      Response r =
          admin.query("mutation { account { removeUser(user: \"gus@localhost\") { message } } }");
      assertThat(r.data("account/removeUser/message").asText())
          .isEqualTo("User gus@localhost successfully unregistered");
      XmlElement error = c.readUntilClosed();
      assertThat(error.toString()).contains("not-authorized");
    }
    assertThat(node.node().users().exists(io.meerkat.xmpp.Jid.parse("gus@localhost"))).isFalse();
    Response again =
        admin.query("mutation { account { removeUser(user: \"gus@localhost\") { message } } }");
    assertThat(again.errorCode()).isEqualTo("user_does_not_exist");
  }

  @Test
  void banUserDisconnectsTheSessionsAndTheOldPasswordStopsWorking() throws Exception {
    register("hal", "Hal-Pass-1");
    try (RawClient c = RawClient.loggedIn(node.starttlsPort(), "hal", "Hal-Pass-1", "r")) {
      Response r =
          admin.query(
              "mutation { account { banUser(user: \"hal@localhost\", reason: \"spam\") { message"
                  + " } } }");
      assertThat(r.data("account/banUser/message").asText()).contains("spam");
      assertThat(c.readUntilClosed().toString()).contains("spam");
    }
    assertThat(
            node.node()
                .users()
                .checkPassword(io.meerkat.xmpp.Jid.parse("hal@localhost"), "Hal-Pass-1"))
        .isFalse();
  }
}
