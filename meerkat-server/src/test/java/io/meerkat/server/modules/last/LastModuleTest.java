package io.meerkat.server.modules.last;

import static io.meerkat.server.testing.ImModules.condition;
import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.roster.RdbmsRosterStore;
import io.meerkat.server.roster.RosterItem;
import io.meerkat.server.roster.Subscription;
import io.meerkat.server.testing.ImModules;
import io.meerkat.server.testing.RawClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XEP-0012 over real connections. */
class LastModuleTest {

  @TempDir static Path dataDir;
  static TestNode node;
  static final Jid LEO = Jid.bare("leo", "localhost");
  static final Jid FAN = Jid.bare("fan", "localhost");
  static final Jid STRANGER = Jid.bare("stranger", "localhost");
  static final Jid FOLLOWED = Jid.bare("followed", "localhost");

  @BeforeAll
  static void start() {
    node = TestNode.start(dataDir, ImModules.TOML + "\n[modules.mod_roster]\n");
    for (Jid user : new Jid[] {LEO, FAN, STRANGER, FOLLOWED}) {
      node.node().users().register(user, "Passw0rd-" + user.localpart());
    }
    RdbmsRosterStore rosters = new RdbmsRosterStore(node.node().database().jdbc());
    // leo and followed (who never logs in) share their presence with fan; leo is subscribed to
    // the stranger's presence, which gives the stranger no right to see leo's.
    rosters.put(
        LEO, RosterItem.empty(FAN, true).withSubscription(Subscription.FROM, false, false, false));
    rosters.put(
        FOLLOWED,
        RosterItem.empty(FAN, true).withSubscription(Subscription.BOTH, false, false, false));
    rosters.put(
        LEO,
        RosterItem.empty(STRANGER, true).withSubscription(Subscription.TO, false, false, false));
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static RawClient login(Jid user) throws Exception {
    return RawClient.loggedIn(
        ImModules.port(node), user.localpart(), "Passw0rd-" + user.localpart(), "res");
  }

  private static XmlElement ask(RawClient c, Jid about) throws Exception {
    c.send("<iq type='get' id='l' to='" + about + "'><query xmlns='jabber:iq:last'/></iq>");
    return c.next();
  }

  @Test
  void theServerAnswersWithItsUptime() throws Exception {
    try (RawClient fan = login(FAN)) {
      XmlElement query = ask(fan, Jid.ofDomain("localhost")).firstElement();
      assertThat(Long.parseLong(query.attribute("seconds"))).isNotNegative();
      assertThat(query.text()).isEmpty();
    }
  }

  @Test
  void aSubscribedContactSeesZeroWhileOnlineThenTimeAndStatusOfTheLogout() throws Exception {
    try (RawClient fan = login(FAN)) {
      try (RawClient leo = login(LEO)) {
        leo.send("<presence/>");
        assertThat(ask(fan, LEO).firstElement().attribute("seconds")).isEqualTo("0");
        leo.send("<presence type='unavailable'><status>Heading home</status></presence>");
        leo.send("</stream:stream>");
        leo.readUntilClosed();
      }
      // Until the server has seen the session end, the answer is still "online" (0 seconds).
      XmlElement[] answer = new XmlElement[1];
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                answer[0] = ask(fan, LEO);
                return "result".equals(answer[0].attribute("type"))
                    && !answer[0].firstElement().text().isEmpty();
              });
      XmlElement query = answer[0].firstElement();
      assertThat(Long.parseLong(query.attribute("seconds"))).isBetween(0L, 5L);
      assertThat(query.text()).isEqualTo("Heading home");
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> storedStatus(LEO).equals(Optional.of("Heading home")));
  }

  @Test
  void withoutASubscriptionToTheUsersPresenceTheAnswerIsForbidden() throws Exception {
    try (RawClient stranger = login(STRANGER)) {
      assertThat(condition(ask(stranger, LEO))).isEqualTo("forbidden");
    }
  }

  @Test
  void aUserWhoNeverLoggedOutOrDoesNotExistIsServiceUnavailable() throws Exception {
    try (RawClient fan = login(FAN)) {
      assertThat(condition(ask(fan, FOLLOWED))).isEqualTo("service-unavailable");
      assertThat(condition(ask(fan, Jid.bare("nobody", "localhost"))))
          .isEqualTo("service-unavailable");
    }
  }

  @Test
  void removingTheAccountDeletesItsLastActivity() throws Exception {
    Jid leaver = Jid.bare("lastleaver", "localhost");
    node.node().users().register(leaver, "Passw0rd-lastleaver");
    try (RawClient c = login(leaver)) {
      c.send("</stream:stream>");
      c.readUntilClosed();
    }
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> storedStatus(leaver).isPresent());
    try (RawClient c = login(leaver)) {
      c.send("<iq type='set' id='rm'><query xmlns='jabber:iq:register'><remove/></query></iq>");
      assertThat(c.next().attribute("type")).isEqualTo("result");
      c.readUntilClosed();
    }
    // The removal closed the session: its logout must not bring the record back.
    Awaitility.await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(5))
        .until(() -> storedStatus(leaver).isEmpty());
  }

  private static Optional<String> storedStatus(Jid user) {
    return node.node()
        .database()
        .jdbc()
        .queryOne(
            "SELECT state FROM last WHERE server = ? AND username = ?",
            rs -> rs.getString(1),
            user.domain(),
            user.localpart());
  }
}
