package io.meerkat.server.modules.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meerkat.server.modules.roster.RosterApi.MutualAction;
import io.meerkat.server.modules.roster.RosterApi.SubscriptionAction;
import io.meerkat.server.roster.RosterException;
import io.meerkat.server.roster.RosterItem;
import io.meerkat.server.roster.Subscription;
import io.meerkat.server.testing.ImClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.StanzaError.Condition;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roster API does what the XMPP path does: same checks, pushes and presence. */
class RosterApiTest {

  @TempDir static Path dataDir;
  static TestNode node;
  static RosterApi api;

  @BeforeAll
  static void start() {
    node = TestNode.start(dataDir, "\n[modules.mod_roster]\n[modules.mod_presence]\n");
    for (String user : new String[] {"amy", "bo", "cy", "di", "ed", "flo"}) {
      node.node().users().register(jid(user), user + "-pw");
    }
    api = node.node().module(RosterModule.class).orElseThrow().api();
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static Jid jid(String user) {
    return Jid.parse(user + "@localhost");
  }

  @Test
  void addedAndDeletedContactsArePushedToTheUsersInterestedResources() throws Exception {
    try (ImClient amy = ImClient.login(node, "amy", "api")) {
      amy.roster();
      RosterItem added = api.addContact(jid("amy"), jid("bo"), "Bo", List.of("Team"));
      assertThat(added.groups()).containsExactly("Team");
      XmlElement push = amy.expectPush();
      assertThat(push.attribute("name")).isEqualTo("Bo");
      assertThat(api.listContacts(jid("amy")))
          .extracting(RosterItem::contact)
          .containsExactly(jid("bo"));
      assertThat(api.getContact(jid("amy"), jid("bo"))).isPresent();

      api.deleteContact(jid("amy"), jid("bo"));
      assertThat(amy.expectPush().attribute("subscription")).isEqualTo("remove");
      assertThat(api.getContact(jid("amy"), jid("bo"))).isEmpty();
    }
  }

  @Test
  void invalidRequestsFailWithTheRfcCondition() {
    assertThatThrownBy(() -> api.addContact(jid("amy"), jid("amy"), "", List.of()))
        .isInstanceOfSatisfying(
            RosterException.class, e -> assertThat(e.condition()).isEqualTo(Condition.NOT_ALLOWED));
    assertThatThrownBy(() -> api.addContact(jid("amy"), jid("bo"), "", List.of("g", "g")))
        .isInstanceOfSatisfying(
            RosterException.class, e -> assertThat(e.condition()).isEqualTo(Condition.BAD_REQUEST));
    assertThatThrownBy(() -> api.listContacts(jid("nobody")))
        .isInstanceOfSatisfying(
            RosterException.class,
            e -> assertThat(e.condition()).isEqualTo(Condition.ITEM_NOT_FOUND));
    assertThatThrownBy(() -> api.deleteContact(jid("amy"), jid("stranger")))
        .isInstanceOfSatisfying(
            RosterException.class,
            e -> assertThat(e.condition()).isEqualTo(Condition.ITEM_NOT_FOUND));
  }

  @Test
  void inviteAndAcceptRunTheSubscriptionHandshake() throws Exception {
    try (ImClient di = ImClient.login(node, "di", "online")) {
      di.send("<presence/>");
      api.subscription(jid("cy"), jid("di"), SubscriptionAction.INVITE);
      assertThat(di.expectPresence("cy@localhost", "subscribe")).isNotNull();
      assertThat(api.getContact(jid("cy"), jid("di")).orElseThrow().pendingOut()).isTrue();

      api.subscription(jid("di"), jid("cy"), SubscriptionAction.ACCEPT);
      assertThat(api.getContact(jid("cy"), jid("di")).orElseThrow().subscription())
          .isEqualTo(Subscription.TO);
      assertThat(api.getContact(jid("di"), jid("cy")).orElseThrow().subscription())
          .isEqualTo(Subscription.FROM);

      api.subscription(jid("cy"), jid("di"), SubscriptionAction.CANCEL);
      assertThat(api.getContact(jid("di"), jid("cy")).orElseThrow().subscription())
          .isEqualTo(Subscription.NONE);
      api.subscription(jid("di"), jid("cy"), SubscriptionAction.INVITE);
      api.subscription(jid("cy"), jid("di"), SubscriptionAction.DECLINE);
      assertThat(api.getContact(jid("di"), jid("cy")).orElseThrow().pendingOut()).isFalse();
    }
  }

  @Test
  void connectingTwoUsersMakesThemSeeEachOtherAndDisconnectingUndoesIt() throws Exception {
    try (ImClient ed = ImClient.login(node, "ed", "c");
        ImClient flo = ImClient.login(node, "flo", "c")) {
      ed.roster();
      ed.send("<presence/>");
      flo.send("<presence/>");
      ed.sync();
      flo.sync();
      api.setMutualSubscription(jid("ed"), jid("flo"), MutualAction.CONNECT);
      assertThat(ed.expectPush().attribute("subscription")).isEqualTo("both");
      assertThat(ed.expectPresence("flo@localhost/c", null)).isNotNull();
      assertThat(flo.expectPresence("ed@localhost/c", null)).isNotNull();

      api.setMutualSubscription(jid("ed"), jid("flo"), MutualAction.DISCONNECT);
      assertThat(ed.expectPush().attribute("subscription")).isEqualTo("remove");
      assertThat(ed.expectPresence("flo@localhost/c", "unavailable")).isNotNull();
      assertThat(flo.expectPresence("ed@localhost/c", "unavailable")).isNotNull();
      assertThat(api.listContacts(jid("flo"))).isEmpty();
      assertThatThrownBy(
              () -> api.setMutualSubscription(jid("ed"), jid("flo"), MutualAction.DISCONNECT))
          .isInstanceOf(RosterException.class);
    }
  }

  @Test
  void removingAnAccountDeletesItsRosterAndUpdatesItsContacts() throws Exception {
    Jid gone = jid("gone");
    node.node().users().register(gone, "gone-pw");
    api.setMutualSubscription(gone, jid("amy"), MutualAction.CONNECT);
    try (ImClient leaving = ImClient.login(node, "gone", "bye")) {
      XmlElement reply =
          leaving.iq("set", null, "<query xmlns='jabber:iq:register'><remove/></query>");
      assertThat(reply.attribute("type")).isEqualTo("result");
    }
    org.awaitility.Awaitility.await().until(() -> !node.node().users().exists(gone));
    assertThat(node.node().module(RosterModule.class).orElseThrow().rosters().store().items(gone))
        .isEmpty();
    assertThat(api.getContact(jid("amy"), gone).orElseThrow().subscription())
        .isEqualTo(Subscription.NONE);
  }
}
