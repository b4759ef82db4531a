package io.meerkat.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meerkat.server.modules.offline.RdbmsOfflineBackend;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xmpp.Jid;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.caps.EntityCapsManager;
import org.jivesoftware.smackx.caps.packet.CapsExtension;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Smack against a node with the IM modules: offline delivery with delay stamps, the offline quota,
 * server discovery and capabilities, and an administrator adding an account by ad-hoc command.
 */
class SmackImModulesEndToEndTest {

  @TempDir static Path dataDir;
  static TestNode node;
  static DomainBareJid server;

  @BeforeAll
  static void start() throws Exception {
    node =
        TestNode.start(
            dataDir,
            """
            [modules.mod_offline]
              access_max_user_messages = "e2e_quota"
            [modules.mod_disco]
            [modules.mod_ping]
            [modules.mod_adhoc]

            [acl]
              admin = [{user = "root", server = "localhost"}]

            [access]
              e2e_quota = [{acl = "all", value = 3}]
            """);
    SASLAuthentication.registerSASLMechanism(new OngresScramMechanism("SCRAM-SHA-256"));
    Roster.setRosterLoadedAtLoginDefault(false);
    server = JidCreate.domainBareFrom("localhost");
    for (String user : List.of("ann", "ben", "cid", "dan", "root", "eve")) {
      node.node().users().register(Jid.parse(user + "@localhost"), user + "-Pass1");
    }
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static XMPPTCPConnection connection() throws Exception {
    XMPPTCPConnection c =
        new XMPPTCPConnection(
            SmackConnections.configuration(node.optionalTlsPort()).setSendPresence(true).build());
    c.setReplyTimeout(10_000);
    return c;
  }

  private static XMPPTCPConnection login(String user) throws Exception {
    XMPPTCPConnection c = connection();
    c.connect().login(user, user + "-Pass1");
    return c;
  }

  private static Message chat(XMPPTCPConnection from, String to, String body) throws Exception {
    return from.getStanzaFactory()
        .buildMessageStanza()
        .ofType(Message.Type.chat)
        .to(JidCreate.entityBareFrom(to))
        .setBody(body)
        .build();
  }

  private static long stored(String user) {
    return new RdbmsOfflineBackend(node.node().database().jdbc())
        .count(Jid.parse(user + "@localhost"));
  }

  @Test
  void messagesSentWhileOfflineArriveInOrderWithDelayStampsAtLogin() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    XMPPTCPConnection ann = login("ann");
    try {
      for (String body : List.of("first", "second", "third")) {
        ann.sendStanza(chat(ann, "ben@localhost", body));
      }
      await().until(() -> stored("ben") == 3);
    } finally {
      ann.disconnect();
    }
    XMPPTCPConnection ben = connection();
    BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
    ben.addSyncStanzaListener(s -> inbox.add((Message) s), StanzaTypeFilter.MESSAGE);
    try {
      ben.connect().login("ben", "ben-Pass1");
      List<Message> received = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Message m = inbox.poll(10, TimeUnit.SECONDS);
        assertThat(m).as("offline message " + i).isNotNull();
        received.add(m);
      }
      assertThat(received).extracting(Message::getBody).containsExactly("first", "second", "third");
      for (Message m : received) {
        DelayInformation delay = DelayInformation.from(m);
        assertThat(delay).isNotNull();
        assertThat(delay.getFrom()).isEqualTo("localhost");
        assertThat(delay.getStamp().toInstant()).isBetween(before, Instant.now());
        assertThat(m.getFrom().toString()).startsWith("ann@localhost/");
      }
      await().until(() -> stored("ben") == 0);
    } finally {
      ben.disconnect();
    }
  }

  @Test
  void theSenderIsToldWhenTheRecipientsOfflineStorageIsFull() throws Exception {
    XMPPTCPConnection cid = login("cid");
    BlockingQueue<Message> errors = new LinkedBlockingQueue<>();
    cid.addAsyncStanzaListener(s -> errors.add((Message) s), MessageTypeFilter.ERROR);
    try {
      for (int i = 1; i <= 3; i++) {
        cid.sendStanza(chat(cid, "dan@localhost", "note " + i));
      }
      await().until(() -> stored("dan") == 3);
      Message overflow = chat(cid, "dan@localhost", "one too many");
      cid.sendStanza(overflow);
      Message error = errors.poll(10, TimeUnit.SECONDS);
      assertThat(error).isNotNull();
      assertThat(error.getStanzaId()).isEqualTo(overflow.getStanzaId());
      assertThat(error.getError().getCondition())
          .isEqualTo(StanzaError.Condition.resource_constraint);
      assertThat(error.getError().getDescriptiveText()).contains("full");
      assertThat(stored("dan")).isEqualTo(3);
    } finally {
      cid.disconnect();
    }
  }

  @Test
  void serviceDiscoveryShowsTheServerFeaturesAndTheAdvertisedCapsVerify() throws Exception {
    XMPPTCPConnection eve = login("eve");
    try {
      ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(eve);
      DiscoverInfo info = disco.discoverInfo(server);
      assertThat(info.hasIdentity("server", "im")).isTrue();
      for (String feature :
          List.of(
              "http://jabber.org/protocol/disco#info",
              "msgoffline",
              "urn:xmpp:ping",
              "http://jabber.org/protocol/commands",
              "jabber:iq:register")) {
        assertThat(info.containsFeature(feature)).as(feature).isTrue();
      }
      CapsExtension caps = eve.getFeature(CapsExtension.class);
      assertThat(caps).isNotNull();
      DiscoverInfo capsInfo = disco.discoverInfo(server, caps.getNode() + "#" + caps.getVer());
      assertThat(
              EntityCapsManager.verifyDiscoverInfoVersion(caps.getVer(), caps.getHash(), capsInfo))
          .isTrue();
    } finally {
      eve.disconnect();
    }
  }

  @Test
  void anAdministratorAddsAnAccountWithTheAddUserCommand() throws Exception {
    XMPPTCPConnection root = login("root");
    try {
      AdHocCommandManager commands = AdHocCommandManager.getAddHocCommandsManager(root);
      assertThat(commands.discoverCommands(server).getItems())
          .extracting(i -> i.getNode())
          .contains("http://jabber.org/protocol/admin#add-user", "ping");
      RemoteCommand add =
          commands.getRemoteCommand(server, "http://jabber.org/protocol/admin#add-user");
      add.execute();
      assertThat(add.getStatus()).isEqualTo(AdHocCommand.Status.executing);
      FillableForm form = new FillableForm(add.getForm());
      form.setAnswer("accountjid", "zoe@localhost");
      form.setAnswer("password", "Zoe-Pass1");
      form.setAnswer("password-verify", "Zoe-Pass1");
      add.complete(form);
      assertThat(add.getStatus()).isEqualTo(AdHocCommand.Status.completed);
    } finally {
      root.disconnect();
    }
    XMPPTCPConnection zoe = connection();
    try {
      zoe.connect().login("zoe", "Zoe-Pass1");
      assertThat(zoe.isAuthenticated()).isTrue();
    } finally {
      zoe.disconnect();
    }
  }
}
