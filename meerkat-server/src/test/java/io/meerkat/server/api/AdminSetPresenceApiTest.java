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
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code session setPresence}: an administrator changes a live session's own presence. */
class AdminSetPresenceApiTest {

  @TempDir static Path dir;
  static TestNode node;
  static GraphqlClient admin;

  @BeforeAll
  static void start() {
    node = TestNode.start(dir, ApiNode.HTTP_LISTENERS + AdminRosterApiTest.MODULES);
    admin = ApiNode.admin(node);
    for (String user : List.of("sam", "tia")) {
      node.node().users().register(Jid.bare(user, "localhost"), user + "-Pass-1");
    }
    admin.query(
        "mutation { roster { setMutualSubscription(userA: \"sam@localhost\", userB:"
            + " \"tia@localhost\", action: CONNECT) } }");
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  /** The next presence from {@code from} that matches, skipping others (bounded). */
  private static XmlElement presenceFrom(RawClient client, String from, Predicate<XmlElement> p)
      throws IOException {
    for (int i = 0; i < 20; i++) {
      XmlElement e = client.next();
      if (e.name().equals("presence") && from.equals(e.attribute("from")) && p.test(e)) {
        return e;
      }
    }
    throw new AssertionError("no presence from " + from);
  }

  private static Response setPresence(String user, String rest) {
    return admin.query(
        "mutation { session { setPresence(user: \"%s\", %s) } }".formatted(user, rest));
  }

  @Test
  void theSessionBroadcastsTheNewPresenceAndItsPriorityChanges() throws Exception {
    try (RawClient sam = RawClient.loggedIn(node.starttlsPort(), "sam", "sam-Pass-1", "pc");
        RawClient tia = RawClient.loggedIn(node.starttlsPort(), "tia", "tia-Pass-1", "ph")) {
      tia.send("<presence/>");
      sam.send("<presence/>");
      presenceFrom(tia, "sam@localhost/pc", e -> true);
      Response r =
          setPresence(
              "sam@localhost/pc",
              "type: AVAILABLE, show: DND, status: \"In a meeting\", priority: 5");
      assertThat(r.data("session/setPresence").asText()).isEqualTo("Presence set successfully");
      XmlElement busy =
          presenceFrom(tia, "sam@localhost/pc", e -> e.child("show", Namespaces.CLIENT) != null);
      assertThat(busy.childText("show", Namespaces.CLIENT)).isEqualTo("dnd");
      assertThat(busy.childText("status", Namespaces.CLIENT)).isEqualTo("In a meeting");
      Response sessions =
          admin.query("{ session { listUserSessions(user: \"sam@localhost\") { priority } } }");
      assertThat(sessions.data("session/listUserSessions").path(0).path("priority").asInt())
          .isEqualTo(5);

      setPresence("sam@localhost/pc", "type: UNAVAILABLE");
      presenceFrom(tia, "sam@localhost/pc", e -> "unavailable".equals(e.attribute("type")));
      assertThat(node.node().sessions().sessions(Jid.parse("sam@localhost")))
          .singleElement()
          .satisfies(e -> assertThat(e.available()).isFalse());
    }
  }

  @Test
  void badTargetsAndValuesAreErrors() {
    assertThat(setPresence("sam@localhost", "type: AVAILABLE").errorCode())
        .isEqualTo("bad_request");
    assertThat(setPresence("sam@localhost/gone", "type: AVAILABLE").errorCode())
        .isEqualTo("no_session");
    assertThat(setPresence("sam@elsewhere.org/x", "type: AVAILABLE").errorCode())
        .isEqualTo("unknown_domain");
    assertThat(setPresence("sam@localhost/pc", "type: AVAILABLE, priority: 300").errorCode())
        .isEqualTo("bad_request");
    assertThat(setPresence("sam@localhost/pc", "type: SUBSCRIBE").status()).isEqualTo(400);
    assertThat(setPresence("sam@localhost/pc", "type: AVAILABLE, priority: \"high\"").status())
        .isEqualTo(400);
  }
}
