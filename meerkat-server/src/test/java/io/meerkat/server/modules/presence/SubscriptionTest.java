package io.meerkat.server.modules.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.modules.roster.RosterModule;
import io.meerkat.server.roster.RosterItem;
import io.meerkat.server.roster.RosterStore;
import io.meerkat.server.testing.ImClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Presence subscriptions between two users over real sockets (RFC 6121 §3). */
class SubscriptionTest {

  @TempDir static Path dataDir;
  static TestNode node;

  @BeforeAll
  static void start() {
    node = TestNode.start(dataDir, "\n[modules.mod_roster]\n[modules.mod_presence]\n");
    for (String user :
        new String[] {"romeo", "juliet", "nurse", "tybalt", "mercutio", "benvolio", "paris"}) {
      node.node().users().register(Jid.parse(user + "@localhost"), user + "-pw");
    }
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static ImClient online(String user, String resource) throws Exception {
    ImClient c = ImClient.login(node, user, resource);
    c.roster();
    c.send("<presence/>");
    c.expectPresence(c.jid(), null);
    return c;
  }

  private static Optional<RosterItem> stored(String user, String contact) {
    RosterStore store = node.node().module(RosterModule.class).orElseThrow().rosters().store();
    return store.item(Jid.parse(user + "@localhost"), Jid.parse(contact + "@localhost"));
  }

  @Test
  void twoOnlineUsersSubscribeToEachOtherAndSeeEachOthersPresence() throws Exception {
    try (ImClient romeo = online("romeo", "garden");
        ImClient juliet = online("juliet", "balcony")) {
      romeo.send("<presence to='juliet@localhost' type='subscribe'><status>Hi</status></presence>");
      XmlElement romeoPush = romeo.expectPush();
      assertThat(romeoPush.attribute("subscription")).isEqualTo("none");
      assertThat(romeoPush.attribute("ask")).isEqualTo("subscribe");
      XmlElement request = juliet.expectPresence("romeo@localhost", "subscribe");
      assertThat(request.attribute("from"))
          .as("stamped with the bare JID")
          .isEqualTo("romeo@localhost");
      assertThat(request.childText("status", Namespaces.CLIENT)).isEqualTo("Hi");
      assertThat(juliet.sync()).as("no push for a request from a stranger").isEmpty();

      juliet.send("<presence to='romeo@localhost' type='subscribed'/>");
      XmlElement julietPush = juliet.expectPush();
      assertThat(julietPush.attribute("jid")).isEqualTo("romeo@localhost");
      assertThat(julietPush.attribute("subscription")).isEqualTo("from");
      assertThat(romeo.expectPresence("juliet@localhost", "subscribed")).isNotNull();
      XmlElement toPush = romeo.expectPush();
      assertThat(toPush.attribute("subscription")).isEqualTo("to");
      assertThat(toPush.attribute("ask")).isNull();
      assertThat(romeo.expectPresence("juliet@localhost/balcony", null))
          .as("the new subscriber gets the contact's current presence")
          .isNotNull();

      juliet.send("<presence to='romeo@localhost' type='subscribe'/>");
      romeo.expectPresence("juliet@localhost", "subscribe");
      romeo.send("<presence to='juliet@localhost' type='subscribed'/>");
      assertThat(romeo.expectPush().attribute("subscription")).isEqualTo("both");
      juliet.expectPush();
      assertThat(juliet.expectPush().attribute("subscription")).isEqualTo("both");
      juliet.expectPresence("romeo@localhost/garden", null);
      assertThat(stored("romeo", "juliet").orElseThrow().subscription().attributeValue())
          .isEqualTo("both");
      assertThat(stored("juliet", "romeo").orElseThrow().subscription().attributeValue())
          .isEqualTo("both");
    }
  }

  @Test
  void aRequestToAnOfflineUserIsDeliveredAtEachLoginUntilAnswered() throws Exception {
    try (ImClient tybalt = online("tybalt", "sword")) {
      tybalt.send(
          "<presence to='mercutio@localhost' type='subscribe'><status>Friends?</status></presence>");
      tybalt.expectPush();
      tybalt.sync();
      assertThat(stored("mercutio", "tybalt").orElseThrow().pendingIn()).isTrue();

      for (int login = 1; login <= 2; login++) {
        try (ImClient mercutio = ImClient.login(node, "mercutio", "login" + login)) {
          mercutio.send("<presence/>");
          XmlElement request = mercutio.expectPresence("tybalt@localhost", "subscribe");
          assertThat(request.childText("status", Namespaces.CLIENT)).isEqualTo("Friends?");
          XmlElement roster = mercutio.roster().child("query", Namespaces.ROSTER);
          assertThat(roster.elements())
              .as("a request alone does not put the requester in the roster")
              .isEmpty();
          assertThat(roster.attribute("ver")).as("versioning is off by default").isNull();
        }
      }
      try (ImClient mercutio = ImClient.login(node, "mercutio", "answer")) {
        mercutio.send("<presence/>");
        mercutio.expectPresence("tybalt@localhost", "subscribe");
        mercutio.send("<presence to='tybalt@localhost' type='unsubscribed'/>");
        mercutio.sync();
      }
      XmlElement declined = tybalt.expectPresence("mercutio@localhost", "unsubscribed");
      assertThat(declined).isNotNull();
      assertThat(tybalt.expectPush().attribute("ask")).isNull();
      try (ImClient mercutio = ImClient.login(node, "mercutio", "after")) {
        mercutio.send("<presence/>");
        assertThat(mercutio.sync()).noneMatch(e -> "subscribe".equals(e.attribute("type")));
      }
      assertThat(stored("mercutio", "tybalt")).isEmpty();
    }
  }

  @Test
  void aPreApprovedRequestIsAcceptedByTheServerWithoutAskingTheUser() throws Exception {
    try (ImClient benvolio = online("benvolio", "street");
        ImClient paris = online("paris", "church")) {
      benvolio.send("<presence to='paris@localhost' type='subscribed'/>");
      XmlElement approval = benvolio.expectPush();
      assertThat(approval.attribute("approved")).isEqualTo("true");
      assertThat(approval.attribute("subscription")).isEqualTo("none");
      assertThat(paris.sync()).as("a pre-approval is not sent").isEmpty();

      paris.send("<presence to='benvolio@localhost' type='subscribe'/>");
      paris.expectPush();
      assertThat(paris.expectPresence("benvolio@localhost", "subscribed")).isNotNull();
      assertThat(paris.expectPush().attribute("subscription")).isEqualTo("to");
      paris.expectPresence("benvolio@localhost/street", null);
      XmlElement granted = benvolio.expectPush();
      assertThat(granted.attribute("subscription")).isEqualTo("from");
      assertThat(granted.attribute("approved")).isNull();
      assertThat(benvolio.sync()).noneMatch(e -> "subscribe".equals(e.attribute("type")));
    }
  }

  @Test
  void aRequestToAnAccountThatDoesNotExistIsAnsweredUnsubscribed() throws Exception {
    try (ImClient nurse = online("nurse", "ghosts")) {
      nurse.send("<presence to='ghost@localhost' type='subscribe'/>");
      assertThat(nurse.expectPush().attribute("ask")).isEqualTo("subscribe");
      assertThat(nurse.expectPresence("ghost@localhost", "unsubscribed")).isNotNull();
      XmlElement after = nurse.expectPush();
      assertThat(after.attribute("ask")).isNull();
      assertThat(after.attribute("subscription")).isEqualTo("none");
    }
  }

  @Test
  void aRequestToAJidTooLongToKeepIsRefusedWithNotAcceptable() throws Exception {
    try (ImClient nurse = online("nurse", "long")) {
      String contact = "x".repeat(300) + "@localhost";
      nurse.send("<presence to='" + contact + "' type='subscribe' id='long1'/>");
      XmlElement error = nurse.expect(e -> "long1".equals(e.attribute("id")));
      assertThat(error.attribute("type")).isEqualTo("error");
      assertThat(error.child("error", Namespaces.CLIENT).firstElement().name())
          .isEqualTo("not-acceptable");
      assertThat(nurse.sync()).noneMatch(e -> e.name().equals("iq"));
    }
  }

  @Test
  void removingAContactEndsBothSubscriptionsAndHidesPresence() throws Exception {
    node.node()
        .module(RosterModule.class)
        .orElseThrow()
        .api()
        .setMutualSubscription(
            Jid.parse("nurse@localhost"),
            Jid.parse("paris@localhost"),
            io.meerkat.server.modules.roster.RosterApi.MutualAction.CONNECT);
    try (ImClient nurse = online("nurse", "remover");
        ImClient paris = online("paris", "removed")) {
      paris.expectPresence("nurse@localhost/remover", null);
      nurse.sync();
      nurse.iq(
          "set",
          null,
          "<query xmlns='jabber:iq:roster'><item jid='paris@localhost' subscription='remove'/>"
              + "</query>");
      assertThat(nurse.expectPush().attribute("subscription")).isEqualTo("remove");
      paris.expectPresence("nurse@localhost", "unsubscribe");
      paris.expectPresence("nurse@localhost", "unsubscribed");
      paris.expectPresence("nurse@localhost/remover", "unavailable");
      XmlElement parisView =
          paris.expect(
              e ->
                  e.name().equals("iq")
                      && e.child("query", Namespaces.ROSTER) != null
                      && e.child("query", Namespaces.ROSTER)
                          .child("item", Namespaces.ROSTER)
                          .attribute("subscription")
                          .equals("none"));
      assertThat(parisView).isNotNull();
      assertThat(stored("nurse", "paris")).isEmpty();
      assertThat(stored("paris", "nurse").orElseThrow().subscription().attributeValue())
          .isEqualTo("none");
    }
  }
}
