package io.meerkat.server.modules.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meerkat.server.testing.RawClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mod_offline over real sockets: what is stored, how it is delivered, the quota, removal. */
class OfflineModuleTest {

  @TempDir static Path dataDir;
  static TestNode node;
  static OfflineBackend backend;

  @BeforeAll
  static void start() {
    node =
        TestNode.start(
            dataDir,
            """
            [modules.mod_offline]
              access_max_user_messages = "test_quota"

            [access]
              test_quota = [{acl = "all", value = 3}]
            """);
    backend = new RdbmsOfflineBackend(node.node().database().jdbc());
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static Jid user(String name) {
    Jid jid = Jid.parse(name + "@localhost");
    node.node().users().register(jid, name + "-pw");
    return jid;
  }

  private static RawClient login(Jid user, String resource) throws Exception {
    return RawClient.loggedIn(
        node.optionalTlsPort(), user.localpart(), user.localpart() + "-pw", resource);
  }

  private static void awaitStored(Jid user, long count) {
    await().until(() -> backend.count(user) == count);
  }

  @Test
  void offlineMessagesArriveInOrderWithDelayStampsOnInitialPresenceAndAreThenDeleted()
      throws Exception {
    Jid alice = user("alice1");
    Jid bob = user("bob1");
    Instant before = Instant.now().minusSeconds(1);
    try (RawClient a = login(alice, "desk")) {
      for (int i = 1; i <= 3; i++) {
        a.send(
            "<message to='bob1@localhost' type='chat' id='m"
                + i
                + "'><body>number "
                + i
                + "</body></message>");
      }
      awaitStored(bob, 3);
    }
    try (RawClient b = login(bob, "phone")) {
      b.send("<presence/>");
      List<XmlElement> received = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        received.add(b.next());
      }
      assertThat(received)
          .extracting(m -> m.childText("body", Namespaces.CLIENT))
          .containsExactly("number 1", "number 2", "number 3");
      for (XmlElement m : received) {
        assertThat(m.attribute("from")).isEqualTo("alice1@localhost/desk");
        XmlElement delay = m.child("delay", Namespaces.DELAY);
        assertThat(delay).as(m.toString()).isNotNull();
        assertThat(delay.attribute("from")).isEqualTo("localhost");
        assertThat(Instant.parse(delay.attribute("stamp"))).isBetween(before, Instant.now());
      }
      awaitStored(bob, 0);
    }
  }

  @Test
  void twoResourcesComingOnlineTogetherShareTheMessagesWithoutDuplicates() throws Exception {
    Jid alice = user("alice9");
    Jid bob = user("bob9");
    try (RawClient a = login(alice, "desk")) {
      for (int i = 1; i <= 3; i++) {
        a.send("<message to='bob9@localhost' type='chat'><body>" + i + "</body></message>");
      }
      awaitStored(bob, 3);
    }
    try (RawClient b1 = login(bob, "one");
        RawClient b2 = login(bob, "two")) {
      b1.send("<presence/>");
      b2.send("<presence/>");
      int total = messagesBefore(b1, "end1") + messagesBefore(b2, "end2");
      assertThat(total).isEqualTo(3);
      awaitStored(bob, 0);
    }
  }

  /** Sends an IQ and counts the messages that arrive before its answer. */
  private static int messagesBefore(RawClient c, String id) throws Exception {
    await().until(() -> backend.count(Jid.parse("bob9@localhost")) == 0);
    c.send("<iq type='get' id='" + id + "'><ping xmlns='urn:xmpp:ping'/></iq>");
    int messages = 0;
    for (XmlElement e = c.next(); !id.equals(e.attribute("id")); e = c.next()) {
      if (e.name().equals("message")) {
        messages++;
      }
    }
    return messages;
  }

  @Test
  void aBoundSessionWithoutPresenceDoesNotTakeTheMessages() throws Exception {
    Jid alice = user("alice2");
    Jid bob = user("bob2");
    try (RawClient a = login(alice, "desk");
        RawClient b = login(bob, "quiet")) {
      a.send("<message to='bob2@localhost' id='n1'><body>later</body></message>");
      awaitStored(bob, 1);
      b.send("<iq type='get' id='ping1'><ping xmlns='urn:xmpp:ping'/></iq>");
      XmlElement reply = b.next();
      assertThat(reply.attribute("id")).as("nothing before the IQ reply").isEqualTo("ping1");
      assertThat(backend.count(bob)).isEqualTo(1);
    }
  }

  @Test
  void aNegativePriorityResourceGetsTheMessagesOnlyOnceItRaisesItsPriority() throws Exception {
    Jid alice = user("alice3");
    Jid bob = user("bob3");
    try (RawClient a = login(alice, "desk")) {
      a.send("<message to='bob3@localhost' type='chat'><body>waiting</body></message>");
      awaitStored(bob, 1);
    }
    try (RawClient b = login(bob, "bot")) {
      b.send("<presence><priority>-1</priority></presence>");
      b.send("<iq type='get' id='p1'><ping xmlns='urn:xmpp:ping'/></iq>");
      assertThat(b.next().attribute("id")).isEqualTo("p1");
      assertThat(backend.count(bob)).isEqualTo(1);
      b.send("<presence><priority>5</priority></presence>");
      XmlElement m = b.next();
      assertThat(m.childText("body", Namespaces.CLIENT)).isEqualTo("waiting");
      awaitStored(bob, 0);
    }
  }

  @Test
  void aFullQuotaAnswersTheSenderWithResourceConstraintAndKeepsWhatWasStored() throws Exception {
    Jid alice = user("alice4");
    Jid bob = user("bob4");
    try (RawClient a = login(alice, "desk")) {
      for (int i = 1; i <= 3; i++) {
        a.send("<message to='bob4@localhost' type='chat'><body>" + i + "</body></message>");
      }
      awaitStored(bob, 3);
      a.send("<message to='bob4@localhost' type='chat' id='over'><body>4</body></message>");
      XmlElement error = a.next();
      assertThat(error.attribute("type")).isEqualTo("error");
      assertThat(error.attribute("id")).isEqualTo("over");
      XmlElement condition = error.child("error", Namespaces.CLIENT);
      assertThat(condition.attribute("type")).isEqualTo("wait");
      assertThat(condition.child("resource-constraint", Namespaces.STANZA_ERRORS)).isNotNull();
      assertThat(condition.childText("text", Namespaces.STANZA_ERRORS)).contains("full");
      assertThat(backend.count(bob)).isEqualTo(3);
    }
  }

  @Test
  void noStoreHintedMessagesAreRefusedAndChatStatesAreDiscardedSilently() throws Exception {
    Jid alice = user("alice5");
    Jid bob = user("bob5");
    try (RawClient a = login(alice, "desk")) {
      a.send(
          "<message to='bob5@localhost' type='chat' id='hint'><body>ephemeral</body>"
              + "<no-store xmlns='urn:xmpp:hints'/></message>");
      XmlElement error = a.next();
      assertThat(error.attribute("id")).isEqualTo("hint");
      assertThat(
              error
                  .child("error", Namespaces.CLIENT)
                  .child("service-unavailable", Namespaces.STANZA_ERRORS))
          .isNotNull();
      a.send(
          "<message to='bob5@localhost' type='chat' id='typing'>"
              + "<composing xmlns='http://jabber.org/protocol/chatstates'/></message>");
      a.send(
          "<message to='bob5@localhost' type='chat' id='receipt-request'>"
              + "<active xmlns='http://jabber.org/protocol/chatstates'/>"
              + "<request xmlns='urn:xmpp:receipts'/></message>");
      a.send(
          "<message to='bob5@localhost' type='chat' id='hinted'>"
              + "<store xmlns='urn:xmpp:hints'/></message>");
      awaitStored(bob, 2);
    }
    try (RawClient b = login(bob, "phone")) {
      b.send("<presence/>");
      assertThat(b.next().attribute("id")).isEqualTo("receipt-request");
      assertThat(b.next().attribute("id")).isEqualTo("hinted");
    }
  }

  @Test
  void anExpiredMessageIsNotDeliveredButLaterOnesAre() throws Exception {
    Jid alice = user("alice6");
    Jid bob = user("bob6");
    try (RawClient a = login(alice, "desk")) {
      a.send(
          "<message to='bob6@localhost' id='gone'><body>stale</body>"
              + "<x xmlns='jabber:x:expire' seconds='0'/></message>");
      a.send(
          "<message to='bob6@localhost' id='kept'><body>fresh</body>"
              + "<x xmlns='jabber:x:expire' seconds='3600'/></message>");
      awaitStored(bob, 2);
    }
    try (RawClient b = login(bob, "phone")) {
      b.send("<presence/>");
      XmlElement kept = b.next();
      assertThat(kept.attribute("id")).isEqualTo("kept");
      long left = Long.parseLong(kept.child("x", "jabber:x:expire").attribute("seconds"));
      assertThat(left).isBetween(3000L, 3600L);
    }
    OfflineApi api = new OfflineApi(backend, java.time.Clock.systemUTC());
    assertThat(api.deleteExpiredMessages("localhost")).isGreaterThanOrEqualTo(1);
    assertThat(backend.count(bob)).isZero();
  }

  @Test
  void removingTheAccountDeletesItsOfflineMessages() throws Exception {
    Jid alice = user("alice7");
    Jid bob = user("bob7");
    try (RawClient a = login(alice, "desk")) {
      a.send("<message to='bob7@localhost' type='chat'><body>bye</body></message>");
      awaitStored(bob, 1);
    }
    try (RawClient b = login(bob, "phone")) {
      b.send("<iq type='set' id='rm'><query xmlns='jabber:iq:register'><remove/></query></iq>");
      assertThat(b.next().attribute("type")).isEqualTo("result");
    }
    awaitStored(bob, 0);
  }

  @Test
  void messagesToUnknownUsersAreNotStored() throws Exception {
    Jid alice = user("alice8");
    try (RawClient a = login(alice, "desk")) {
      a.send("<message to='nobody@localhost' type='chat' id='x'><body>?</body></message>");
      XmlElement error = a.next();
      assertThat(error.attribute("type")).isEqualTo("error");
      assertThat(backend.count(Jid.parse("nobody@localhost"))).isZero();
    }
  }
}
