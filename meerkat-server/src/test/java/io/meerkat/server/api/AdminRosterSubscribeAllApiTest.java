package io.meerkat.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meerkat.server.testing.ApiNode;
import io.meerkat.server.testing.GraphqlClient;
import io.meerkat.server.testing.GraphqlClient.Response;
import io.meerkat.server.testing.RawClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API's {@code roster subscribeToAll} and {@code subscribeAllToAll} over real HTTP. */
class AdminRosterSubscribeAllApiTest {

  @TempDir static Path dir;
  static TestNode node;
  static GraphqlClient admin;

  @BeforeAll
  static void start() {
    node = TestNode.start(dir, ApiNode.HTTP_LISTENERS + AdminRosterApiTest.MODULES);
    admin = ApiNode.admin(node);
    for (String user : List.of("ann", "bea", "cid", "dot", "eve", "fox", "gil", "hal", "ivy")) {
      node.node().users().register(Jid.bare(user, "localhost"), user + "-Pass-1");
    }
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static String roster(String user) {
    return admin
        .query(
            "query($u: JID!) { roster { listContacts(user: $u) { jid name groups subscription ask"
                + " } } }",
            Map.of("u", user))
        .data("roster/listContacts")
        .toString();
  }

  private static Response subscribeToAll(String user, String contacts) {
    return admin.query(
        "mutation { roster { subscribeToAll(user: %s, contacts: %s) } }".formatted(user, contacts));
  }

  /** The next stanza that matches, skipping others (bounded). */
  private static XmlElement next(RawClient client, Predicate<XmlElement> p) throws IOException {
    for (int i = 0; i < 20; i++) {
      XmlElement e = client.next();
      if (p.test(e)) {
        return e;
      }
    }
    throw new AssertionError("no matching stanza");
  }

  @Test
  void subscribeToAllConnectsTheUserWithEachContactUnderTheGivenNames() throws Exception {
    try (RawClient ann = RawClient.loggedIn(node.starttlsPort(), "ann", "ann-Pass-1", "pc");
        RawClient bea = RawClient.loggedIn(node.starttlsPort(), "bea", "bea-Pass-1", "ph")) {
      bea.send("<iq type='get' id='r1'><query xmlns='jabber:iq:roster'/></iq>");
      next(bea, e -> "r1".equals(e.attribute("id")));
      bea.send("<presence/>");
      ann.send("<presence><status>Hi</status></presence>");
      for (String user : List.of("ann@localhost", "bea@localhost")) {
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> node.node().sessions().sessions(Jid.parse(user)).get(0).available());
      }
      Response r =
          subscribeToAll(
              "{jid: \"ann@localhost\", name: \"Ann\", groups: [\"team\"]}",
              "[{jid: \"bea@localhost\", name: \"Bea\", groups: [\"friends\"]},"
                  + " {jid: \"cid@localhost\"}]");
      assertThat(r.body().has("errors")).as(r.body().toString()).isFalse();
      assertThat(r.data("roster/subscribeToAll").toString())
          .isEqualTo(
              "[\"Subscription between users ann@localhost and bea@localhost created"
                  + " successfully\",\"Subscription between users ann@localhost and cid@localhost"
                  + " created successfully\"]");

      XmlElement push = null;
      XmlElement presence = null;
      for (int i = 0; i < 20 && (push == null || presence == null); i++) {
        XmlElement e = bea.next();
        if ("set".equals(e.attribute("type"))) {
          push = e;
        } else if (e.name().equals("presence") && "ann@localhost/pc".equals(e.attribute("from"))) {
          presence = e;
        }
      }
      assertThat(push).isNotNull();
      assertThat(push.toString()).contains("ann@localhost", "both", "Ann", "team");
      assertThat(presence).isNotNull();
      assertThat(presence.attribute("type")).isNull();
    }
    assertThat(roster("ann@localhost"))
        .isEqualTo(
            "[{\"jid\":\"bea@localhost\",\"name\":\"Bea\",\"groups\":[\"friends\"],"
                + "\"subscription\":\"BOTH\",\"ask\":\"NONE\"},"
                + "{\"jid\":\"cid@localhost\",\"name\":null,\"groups\":[],"
                + "\"subscription\":\"BOTH\",\"ask\":\"NONE\"}]");
    assertThat(roster("bea@localhost"))
        .isEqualTo(
            "[{\"jid\":\"ann@localhost\",\"name\":\"Ann\",\"groups\":[\"team\"],"
                + "\"subscription\":\"BOTH\",\"ask\":\"NONE\"}]");
    assertThat(roster("cid@localhost")).contains("\"name\":\"Ann\"", "BOTH");
  }

  @Test
  void subscribeAllToAllConnectsEveryPairAndAnswersOncePerPair() {
    Response r =
        admin.query(
            "mutation { roster { subscribeAllToAll(contacts: [{jid: \"dot@localhost\", name:"
                + " \"Dot\"}, {jid: \"eve@localhost\", name: \"Eve\"}, {jid: \"fox@localhost\","
                + " groups: [\"g\"]}]) } }");
    assertThat(r.body().has("errors")).as(r.body().toString()).isFalse();
    assertThat(r.data("roster/subscribeAllToAll").toString())
        .isEqualTo(
            "[\"Subscription between users dot@localhost and eve@localhost created successfully\","
                + "\"Subscription between users dot@localhost and fox@localhost created"
                + " successfully\",\"Subscription between users eve@localhost and fox@localhost"
                + " created successfully\"]");
    assertThat(roster("dot@localhost"))
        .isEqualTo(
            "[{\"jid\":\"eve@localhost\",\"name\":\"Eve\",\"groups\":[],"
                + "\"subscription\":\"BOTH\",\"ask\":\"NONE\"},"
                + "{\"jid\":\"fox@localhost\",\"name\":null,\"groups\":[\"g\"],"
                + "\"subscription\":\"BOTH\",\"ask\":\"NONE\"}]");
    assertThat(roster("fox@localhost")).contains("\"name\":\"Dot\"", "\"name\":\"Eve\"");
    Response none =
        admin.query(
            "mutation { roster { subscribeAllToAll(contacts: [{jid: \"dot@localhost\"}]) } }");
    assertThat(none.data("roster/subscribeAllToAll").size()).isZero();
  }

  @Test
  void aFailedPairIsANullEntryWithItsOwnErrorAndTheOthersStillConnect() {
    Response r =
        subscribeToAll(
            "{jid: \"gil@localhost\"}",
            "[{jid: \"ghost@localhost\"}, {jid: \"gil@localhost\"}, {jid: \"hal@localhost/pc\"},"
                + " {jid: \"hal@localhost\", groups: [\"x\", \"x\"]}, {jid: \"hal@localhost\"},"
                + " {jid: \"hal@elsewhere.org\"}]");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.data("roster/subscribeToAll").toString())
        .isEqualTo(
            "[null,null,null,null,\"Subscription between users gil@localhost and hal@localhost"
                + " created successfully\",null]");
    List<String> codes =
        r.body().path("errors").findValues("code").stream().map(n -> n.asText()).toList();
    assertThat(codes)
        .containsExactly(
            "user_does_not_exist", "bad_request", "bad_request", "bad_request", "unknown_domain");
    assertThat(r.body().at("/errors/4/path").toString())
        .isEqualTo("[\"roster\",\"subscribeToAll\",5]");
    assertThat(roster("gil@localhost")).contains("hal@localhost").doesNotContain("ghost");
    assertThat(roster("hal@localhost")).contains("gil@localhost");

    Response unknownUser =
        subscribeToAll("{jid: \"nobody@localhost\"}", "[{jid: \"ivy@localhost\"}]");
    assertThat(unknownUser.errorCode()).isEqualTo("user_does_not_exist");
    Response badUserEntry =
        subscribeToAll(
            "{jid: \"ivy@localhost\", groups: [\"d\", \"d\"]}", "[{jid: \"gil@localhost\"}]");
    assertThat(badUserEntry.errorCode()).isEqualTo("bad_request");
    assertThat(roster("gil@localhost")).doesNotContain("ivy");
    assertThat(roster("ivy@localhost")).isEqualTo("[]");
  }

  @Test
  void wrongArgumentTypesAreRejectedBeforeAnythingRuns() {
    assertThat(subscribeToAll("\"ivy@localhost\"", "[{jid: \"gil@localhost\"}]").status())
        .isEqualTo(400);
    assertThat(subscribeToAll("{jid: \"ivy@localhost\"}", "[{jid: 42}]").status()).isEqualTo(400);
    assertThat(subscribeToAll("{jid: \"ivy@localhost\"}", "[{name: \"no jid\"}]").status())
        .isEqualTo(400);
    assertThat(subscribeToAll("{jid: \"ivy@@localhost\"}", "[{jid: \"gil@localhost\"}]").status())
        .isEqualTo(400);
    assertThat(
            admin
                .query("mutation { roster { subscribeAllToAll(contacts: {groups: 1}) } }")
                .status())
        .isEqualTo(400);
    assertThat(roster("ivy@localhost")).isEqualTo("[]");
  }

  @Test
  void theUserEndpointHasNoCommandToConnectOtherUsers() {
    GraphqlClient ivy = ApiNode.user(node, "ivy@localhost", "ivy-Pass-1");
    Response r =
        ivy.query(
            "mutation { roster { subscribeToAll(user: {jid: \"ivy@localhost\"}, contacts: [{jid:"
                + " \"gil@localhost\"}]) } }");
    assertThat(r.status()).isEqualTo(400);
    Response all =
        ivy.query(
            "mutation { roster { subscribeAllToAll(contacts: [{jid: \"gil@localhost\"}, {jid:"
                + " \"hal@localhost\"}]) } }");
    assertThat(all.status()).isEqualTo(400);
    assertThat(roster("ivy@localhost")).isEqualTo("[]");
  }
}
