package io.meerkat.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meerkat.server.modules.roster.RosterApi.MutualAction;
import io.meerkat.server.modules.roster.RosterModule;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xmpp.Jid;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.SubscribeListener.SubscribeAnswer;
import org.jivesoftware.smack.roster.packet.RosterPacket.ItemType;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Rosters, subscriptions and presence with a real client library (Smack): the subscription
 * handshake online and offline, presence broadcast and unavailable on disconnect, and a message to
 * a bare JID reaching the highest-priority resource.
 */
class SmackRosterPresenceTest {

  @TempDir static Path dataDir;
  static TestNode node;

  @BeforeAll
  static void start() {
    node =
        TestNode.start(
            dataDir, "\n[modules.mod_roster]\n  versioning = true\n[modules.mod_presence]\n");
    SASLAuthentication.registerSASLMechanism(new OngresScramMechanism("SCRAM-SHA-256"));
    for (String user :
        new String[] {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "hank"}) {
      node.node().users().register(Jid.parse(user + "@localhost"), user + "-Pass1");
    }
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static XMPPTCPConnection connect(String user, String resource) throws Exception {
    return connect(user, resource, false);
  }

  /**
   * A logged-in connection with its roster loaded; with {@code approve}, every subscription request
   * is approved (and answered with one), from before the login on.
   */
  private static XMPPTCPConnection connect(String user, String resource, boolean approve)
      throws Exception {
    XMPPTCPConnection c =
        new XMPPTCPConnection(
            SmackConnections.configuration(node.optionalTlsPort()).setSendPresence(true).build());
    c.setReplyTimeout(10_000);
    Roster roster = Roster.getInstanceFor(c);
    roster.setRosterLoadedAtLogin(true);
    roster.setSubscriptionMode(Roster.SubscriptionMode.manual);
    if (approve) {
      roster.addSubscribeListener(
          (from, request) -> SubscribeAnswer.ApproveAndAlsoRequestIfRequired);
    }
    c.connect().login(user, user + "-Pass1", Resourcepart.from(resource));
    roster.reloadAndWait();
    return c;
  }

  private static BareJid bare(String user) throws Exception {
    return JidCreate.bareFrom(user + "@localhost");
  }

  private static ItemType type(XMPPTCPConnection c, String contact) throws Exception {
    RosterEntry entry = Roster.getInstanceFor(c).getEntry(bare(contact));
    return entry == null ? null : entry.getType();
  }

  @Test
  void twoUsersAddEachOtherAndSeeEachOtherOnline() throws Exception {
    XMPPTCPConnection alice = connect("alice", "desk", true);
    XMPPTCPConnection bob = connect("bob", "phone", true);
    try {
      Roster aliceRoster = Roster.getInstanceFor(alice);
      aliceRoster.createItemAndRequestSubscription(bare("bob"), "Bob", new String[] {"Friends"});
      await().atMost(Duration.ofSeconds(10)).until(() -> type(alice, "bob") == ItemType.both);
      await().atMost(Duration.ofSeconds(10)).until(() -> type(bob, "alice") == ItemType.both);
      RosterEntry entry = aliceRoster.getEntry(bare("bob"));
      assertThat(entry.getName()).isEqualTo("Bob");
      assertThat(entry.getGroups()).extracting(g -> g.getName()).containsExactly("Friends");
      await().until(() -> aliceRoster.getPresence(bare("bob")).isAvailable());
      await().until(() -> Roster.getInstanceFor(bob).getPresence(bare("alice")).isAvailable());

      aliceRoster.removeEntry(entry);
      await().until(() -> type(bob, "alice") == ItemType.none);
      await().until(() -> !Roster.getInstanceFor(bob).getPresence(bare("alice")).isAvailable());
      assertThat(aliceRoster.getEntry(bare("bob"))).isNull();
    } finally {
      alice.disconnect();
      bob.disconnect();
    }
  }

  @Test
  void aRequestToAnOfflineUserIsAnsweredAfterItsNextLogin() throws Exception {
    XMPPTCPConnection carol = connect("carol", "home", true);
    try {
      Roster carolRoster = Roster.getInstanceFor(carol);
      carolRoster.createItemAndRequestSubscription(bare("dave"), "Dave", new String[0]);
      await()
          .until(
              () ->
                  carolRoster.getEntry(bare("dave")) != null
                      && carolRoster.getEntry(bare("dave")).isSubscriptionPending());

      XMPPTCPConnection dave = connect("dave", "later", true);
      try {
        await().atMost(Duration.ofSeconds(30)).until(() -> type(carol, "dave") == ItemType.both);
        await().atMost(Duration.ofSeconds(30)).until(() -> type(dave, "carol") == ItemType.both);
        await().until(() -> carolRoster.getPresence(bare("dave")).isAvailable());
      } finally {
        dave.disconnect();
      }
    } finally {
      carol.disconnect();
    }
  }

  @Test
  void aContactSeesPresenceChangesAndUnavailableWhenTheConnectionIsLost() throws Exception {
    node.node()
        .module(RosterModule.class)
        .orElseThrow()
        .api()
        .setMutualSubscription(
            Jid.parse("erin@localhost"), Jid.parse("frank@localhost"), MutualAction.CONNECT);
    XMPPTCPConnection frank = connect("frank", "watch");
    XMPPTCPConnection erin = connect("erin", "laptop");
    try {
      Roster frankRoster = Roster.getInstanceFor(frank);
      await().until(() -> frankRoster.getPresence(bare("erin")).isAvailable());
      erin.sendStanza(
          erin.getStanzaFactory()
              .buildPresenceStanza()
              .setMode(Presence.Mode.away)
              .setStatus("lunch")
              .build());
      await().until(() -> "lunch".equals(frankRoster.getPresence(bare("erin")).getStatus()));
      assertThat(frankRoster.getPresence(bare("erin")).getMode()).isEqualTo(Presence.Mode.away);
      erin.instantShutdown();
      await().until(() -> !frankRoster.getPresence(bare("erin")).isAvailable());
    } finally {
      frank.disconnect();
    }
  }

  @Test
  void aMessageToTheBareJidReachesTheHighestPriorityResource() throws Exception {
    XMPPTCPConnection low = connect("grace", "low");
    XMPPTCPConnection high = connect("grace", "high");
    XMPPTCPConnection hank = connect("hank", "sender");
    try {
      low.sendStanza(low.getStanzaFactory().buildPresenceStanza().setPriority(1).build());
      high.sendStanza(high.getStanzaFactory().buildPresenceStanza().setPriority(10).build());
      await()
          .until(
              () ->
                  node.node()
                      .sessions()
                      .session(Jid.parse("grace@localhost/high"))
                      .map(s -> s.priority() == 10)
                      .orElse(false));
      await()
          .until(
              () ->
                  node.node()
                      .sessions()
                      .session(Jid.parse("grace@localhost/low"))
                      .map(s -> s.priority() == 1)
                      .orElse(false));
      // Synchronous listeners run in arrival order (asynchronous ones may overtake each other).
      BlockingQueue<Message> highInbox = new ArrayBlockingQueue<>(10);
      BlockingQueue<Message> lowInbox = new ArrayBlockingQueue<>(10);
      high.addSyncStanzaListener(s -> highInbox.add((Message) s), StanzaTypeFilter.MESSAGE);
      low.addSyncStanzaListener(s -> lowInbox.add((Message) s), StanzaTypeFilter.MESSAGE);
      for (String body : new String[] {"one", "two"}) {
        hank.sendStanza(
            hank.getStanzaFactory()
                .buildMessageStanza()
                .ofType(Message.Type.chat)
                .to(bare("grace"))
                .setBody(body)
                .build());
      }
      assertThat(highInbox.poll(10, TimeUnit.SECONDS).getBody()).isEqualTo("one");
      assertThat(highInbox.poll(10, TimeUnit.SECONDS).getBody()).isEqualTo("two");
      // A marker to the low resource's full JID arrives after anything sent to it before.
      hank.sendStanza(
          hank.getStanzaFactory()
              .buildMessageStanza()
              .ofType(Message.Type.chat)
              .to(JidCreate.entityFullFrom("grace@localhost/low"))
              .setBody("marker")
              .build());
      assertThat(lowInbox.poll(10, TimeUnit.SECONDS).getBody()).isEqualTo("marker");
      assertThat(lowInbox).isEmpty();
    } finally {
      low.disconnect();
      high.disconnect();
      hank.disconnect();
    }
  }
}
