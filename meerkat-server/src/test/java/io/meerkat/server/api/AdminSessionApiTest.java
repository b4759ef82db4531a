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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API's {@code session}, {@code stanza}, {@code stat} and {@code server} categories. */
class AdminSessionApiTest {

  @TempDir static Path dir;
  static TestNode node;
  static GraphqlClient admin;

  @BeforeAll
  static void start() {
    node = ApiNode.start(dir);
    admin = ApiNode.admin(node);
    for (String user : new String[] {"ann", "bob", "cy", "dee", "eve"}) {
      node.node().users().register(Jid.bare(user, "localhost"), user + "-Pass-1");
    }
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static RawClient login(String user, String resource) throws Exception {
    return RawClient.loggedIn(node.starttlsPort(), user, user + "-Pass-1", resource);
  }

  @Test
  void sessionQueriesListTheConnectedResources() throws Exception {
    try (RawClient a = login("ann", "laptop");
        RawClient b = login("ann", "phone")) {
      Response r =
          admin.query(
              "{ session { listUserSessions(user: \"ann@localhost\") { user connection ip node"
                  + " uptime } countUserResources(user: \"ann@localhost\")"
                  + " first: getUserResource(user: \"ann@localhost\", number: 1)"
                  + " second: getUserResource(user: \"ann@localhost\", number: 2)"
                  + " countSessions(domain: \"localhost\") all: countSessions } }");
      assertThat(r.body().has("errors")).as(r.body().toString()).isFalse();
      assertThat(r.data("session/countUserResources").asInt()).isEqualTo(2);
      assertThat(r.data("session/first").asText()).isEqualTo("laptop");
      assertThat(r.data("session/second").asText()).isEqualTo("phone");
      assertThat(r.data("session/listUserSessions").get(0).path("user").asText())
          .isEqualTo("ann@localhost/laptop");
      assertThat(r.data("session/listUserSessions").get(0).path("connection").asText())
          .isEqualTo("c2s");
      assertThat(r.data("session/listUserSessions").get(0).path("ip").asText())
          .isEqualTo("127.0.0.1");
      assertThat(r.data("session/countSessions").asInt()).isGreaterThanOrEqualTo(2);
      Response outOfRange =
          admin.query("{ session { getUserResource(user: \"ann@localhost\", number: 3) } }");
      assertThat(outOfRange.errorCode()).isEqualTo("wrong_resource_number");
    }
  }

  @Test
  void kickUserSessionDisconnectsOnlyThatResource() throws Exception {
    try (RawClient one = login("bob", "one");
        RawClient two = login("bob", "two")) {
      Response r =
          admin.query(
              "mutation { session { kickUserSession(user: \"bob@localhost/one\", reason: \"bye\")"
                  + " { jid kicked message } } }");
      assertThat(r.data("session/kickUserSession/kicked").asBoolean()).isTrue();
      assertThat(one.readUntilClosed().toString()).contains("policy-violation", "bye");
      Response missing =
          admin.query(
              "mutation { session { kickUserSession(user: \"bob@localhost/none\") { kicked code"
                  + " } } }");
      assertThat(missing.data("session/kickUserSession/kicked").asBoolean()).isFalse();
      assertThat(missing.data("session/kickUserSession/code").asText()).isEqualTo("no_session");
      assertThat(node.node().sessions().sessions(Jid.parse("bob@localhost"))).hasSize(1);
    }
  }

  @Test
  void kickUserDisconnectsEveryResource() throws Exception {
    try (RawClient one = login("cy", "one");
        RawClient two = login("cy", "two")) {
      Response r =
          admin.query(
              "mutation { session { kickUser(user: \"cy@localhost\", reason: \"maintenance\") {"
                  + " jid kicked } } }");
      assertThat(r.data("session/kickUser")).hasSize(2);
      assertThat(one.readUntilClosed().toString()).contains("maintenance");
      assertThat(two.readUntilClosed().toString()).contains("maintenance");
    }
  }

  @Test
  void sendMessageIsDeliveredToTheRecipientsClient() throws Exception {
    try (RawClient dee = login("dee", "desk")) {
      Response r =
          admin.query(
              "mutation { stanza { sendMessage(from: \"eve@localhost\", to: \"dee@localhost/desk\","
                  + " body: \"Hello Dee\") { id } } }");
      String id = r.data("stanza/sendMessage/id").asText();
      assertThat(id).isNotEmpty();
      XmlElement message = dee.next();
      assertThat(message.attribute("from")).isEqualTo("eve@localhost");
      assertThat(message.attribute("id")).isEqualTo(id);
      assertThat(message.childText("body", Namespaces.CLIENT)).isEqualTo("Hello Dee");

      admin.query(
          "mutation { stanza { sendMessageHeadLine(from: \"eve@localhost\", to:"
              + " \"dee@localhost/desk\", subject: \"News\", body: \"Read me\") { id } } }");
      XmlElement headline = dee.next();
      assertThat(headline.attribute("type")).isEqualTo("headline");
      assertThat(headline.childText("subject", Namespaces.CLIENT)).isEqualTo("News");

      Response raw =
          admin.query(
              "mutation { stanza { sendStanza(stanza: \"<message from='eve@localhost'"
                  + " to='dee@localhost/desk' id='raw-1'><body>Raw</body></message>\") { id } } }");
      assertThat(raw.data("stanza/sendStanza/id").asText()).isEqualTo("raw-1");
      assertThat(dee.next().childText("body", Namespaces.CLIENT)).isEqualTo("Raw");
    }
  }

  @Test
  void sendingFromAnUnknownUserOrAMalformedStanzaIsAnError() {
    Response unknown =
        admin.query(
            "mutation { stanza { sendMessage(from: \"nobody@localhost\", to: \"dee@localhost\","
                + " body: \"x\") { id } } }");
    assertThat(unknown.errorCode()).isEqualTo("user_does_not_exist");
    Response malformed =
        admin.query("mutation { stanza { sendStanza(stanza: \"<message><body>\") { id } } }");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.errorMessage()).contains("Malformed stanza");
    Response noFrom =
        admin.query(
            "mutation { stanza { sendStanza(stanza: \"<message to='dee@localhost'/>\") { id } } }");
    assertThat(noFrom.errorCode()).isEqualTo("bad_request");
  }

  @Test
  void statsCountAccountsAndSessions() throws Exception {
    try (RawClient ann = login("ann", "stats")) {
      Response r =
          admin.query(
              "{ stat { globalStats { uptimeSeconds registeredUsers onlineUsers onlineUsersNode"
                  + " incomingS2S } domainStats(domain: \"localhost\") { registeredUsers"
                  + " onlineUsers } } }");
      assertThat(r.data("stat/globalStats/registeredUsers").asInt()).isGreaterThanOrEqualTo(5);
      assertThat(r.data("stat/globalStats/onlineUsersNode").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(r.data("stat/globalStats/incomingS2S").asInt()).isZero();
      assertThat(r.data("stat/domainStats/onlineUsers").asInt()).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void serverStatusAndLogLevelCanBeReadAndChanged() {
    Response status =
        admin.query("{ server { status { statusCode message version } getLoglevel } }");
    assertThat(status.data("server/status/statusCode").asText()).isEqualTo("RUNNING");
    assertThat(status.data("server/getLoglevel").asText()).isEqualTo("WARNING");
    Response set = admin.query("mutation { server { setLoglevel(level: ERROR) } }");
    assertThat(set.data("server/setLoglevel").asText()).contains("ERROR");
    assertThat(node.node().logLevels().get()).isEqualTo("error");
    admin.query("mutation { server { setLoglevel(level: WARNING) } }");
    Response bad = admin.query("mutation { server { setLoglevel(level: LOUD) } }");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.errorCode()).isEqualTo("bad_request");
  }

  @Test
  void serverStopAnswersFirstThenAsksTheNodeToStop() throws Exception {
    @SuppressWarnings("resource")
    TestNode other = ApiNode.start(dir.resolve("stop"));
    try {
      Response r = ApiNode.admin(other).query("mutation { server { stop } }");
      assertThat(r.data("server/stop").asText()).isEqualTo("Stopping the node");
      other.node().stopRequested().get(10, TimeUnit.SECONDS);
    } finally {
      other.close();
    }
  }
}
