package io.meerkat.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meerkat.server.testing.ImModules;
import io.meerkat.server.testing.TestNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.blocking.BlockingCommandManager;
import org.jivesoftware.smackx.bookmarks.BookmarkManager;
import org.jivesoftware.smackx.bookmarks.BookmarkedConference;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/** Smack's vCard, private storage (bookmarks) and blocking managers against a running node. */
class SmackImStorageEndToEndTest {

  @TempDir static Path dataDir;
  static TestNode node;
  static SmackConnections smack;

  @BeforeAll
  static void start() {
    node = TestNode.start(dataDir, ImModules.TOML);
    smack = new SmackConnections(node);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void aVcardSavedWithSmackIsReadBackByItsOwnerAndByAnotherUser() throws Exception {
    XMPPTCPConnection anna = smack.login("anna", "Anna-Pass1", "desk");
    XMPPTCPConnection ben = smack.login("ben", "Ben-Pass1", "desk");
    try {
      VCard card = new VCard();
      card.setFirstName("Anna");
      card.setLastName("Smack");
      card.setNickName("annie");
      card.setEmailHome("anna@example.org");
      VCardManager.getInstanceFor(anna).saveVCard(card);

      VCard own = VCardManager.getInstanceFor(anna).loadVCard();
      assertThat(own.getNickName()).isEqualTo("annie");
      assertThat(own.getEmailHome()).isEqualTo("anna@example.org");

      VCard seen = VCardManager.getInstanceFor(ben).loadVCard(anna.getUser().asEntityBareJid());
      assertThat(seen.getFirstName()).isEqualTo("Anna");
      assertThat(seen.getLastName()).isEqualTo("Smack");
    } finally {
      anna.disconnect();
      ben.disconnect();
    }
  }

  @Test
  void bookmarksSurviveInPrivateStorageAcrossSessions() throws Exception {
    XMPPTCPConnection first = smack.login("carla", "Carla-Pass1", "one");
    try {
      BookmarkManager.getBookmarkManager(first)
          .addBookmarkedConference(
              "Team room",
              JidCreate.entityBareFrom("team@conference.localhost"),
              true,
              Resourcepart.from("carla"),
              null);
    } finally {
      first.disconnect();
    }
    XMPPTCPConnection second = smack.login("carla", "Carla-Pass1", "two");
    try {
      List<BookmarkedConference> rooms =
          BookmarkManager.getBookmarkManager(second).getBookmarkedConferences();
      assertThat(rooms).hasSize(1);
      assertThat(rooms.get(0).getName()).isEqualTo("Team room");
      assertThat(rooms.get(0).isAutoJoin()).isTrue();
      assertThat(rooms.get(0).getNickname().toString()).isEqualTo("carla");
    } finally {
      second.disconnect();
    }
  }

  @Test
  void aBlockedContactsMessagesBounceUntilItIsUnblocked() throws Exception {
    XMPPTCPConnection dana = smack.login("dana", "Dana-Pass1", "desk");
    XMPPTCPConnection eve = smack.login("eve", "Eve-Pass1", "desk");
    try {
      BlockingCommandManager blocking = BlockingCommandManager.getInstanceFor(dana);
      Jid eveJid = eve.getUser().asBareJid();
      blocking.blockContacts(List.of(eveJid));
      // Smack updates its cached list from the server's push, handled on another thread than
      // the one that waits for the result.
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> blocking.getBlockList().equals(List.of(eveJid)));

      BlockingQueue<Message> danaInbox = new ArrayBlockingQueue<>(10);
      dana.addAsyncStanzaListener(s -> danaInbox.add((Message) s), StanzaTypeFilter.MESSAGE);
      BlockingQueue<Message> eveInbox = new ArrayBlockingQueue<>(10);
      eve.addAsyncStanzaListener(s -> eveInbox.add((Message) s), StanzaTypeFilter.MESSAGE);

      eve.sendStanza(chat(eve, dana, "are you there?"));
      Message bounce = eveInbox.poll(10, TimeUnit.SECONDS);
      assertThat(bounce).isNotNull();
      assertThat(bounce.getType()).isEqualTo(Message.Type.error);
      assertThat(bounce.getError().getCondition())
          .isEqualTo(StanzaError.Condition.service_unavailable);

      blocking.unblockContacts(List.of(eveJid));
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> blocking.getBlockList().isEmpty());
      eve.sendStanza(chat(eve, dana, "now?"));
      Message delivered = danaInbox.poll(10, TimeUnit.SECONDS);
      assertThat(delivered).isNotNull();
      assertThat(delivered.getBody()).isEqualTo("now?");
    } finally {
      dana.disconnect();
      eve.disconnect();
    }
  }

  @Test
  void anotherUsersVcardCannotBeOverwritten() throws Exception {
    XMPPTCPConnection fred = smack.login("fred", "Fred-Pass1", "desk");
    try {
      VCard forged = new VCard();
      forged.setTo(JidCreate.entityBareFrom("anna@localhost"));
      forged.setNickName("hacked");
      forged.setType(IQ.Type.set);
      assertThatThrownBy(() -> fred.sendIqRequestAndWaitForResponse(forged))
          .isInstanceOfSatisfying(
              XMPPErrorException.class,
              e ->
                  assertThat(e.getStanzaError().getCondition())
                      .isEqualTo(StanzaError.Condition.forbidden));
    } finally {
      fred.disconnect();
    }
  }

  private static Message chat(XMPPTCPConnection from, XMPPTCPConnection to, String body) {
    return from.getStanzaFactory()
        .buildMessageStanza()
        .ofType(Message.Type.chat)
        .to(to.getUser())
        .setBody(body)
        .build();
  }
}
