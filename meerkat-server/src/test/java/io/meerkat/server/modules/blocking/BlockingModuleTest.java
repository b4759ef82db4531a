package io.meerkat.server.modules.blocking;

import static io.meerkat.server.testing.ImModules.condition;
import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.testing.ImModules;
import io.meerkat.server.testing.RawClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XEP-0191 over real connections. Each test uses its own users. */
class BlockingModuleTest {

  @TempDir static Path dataDir;
  static TestNode node;

  @BeforeAll
  static void start() {
    node = TestNode.start(dataDir, ImModules.TOML);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static RawClient login(String user, String resource) throws Exception {
    Jid jid = Jid.parse(user);
    node.node().users().register(jid, "Passw0rd-" + jid.localpart());
    RawClient c = new RawClient(ImModules.port(node));
    c.openStream(jid.domain());
    c.startTls();
    c.openStream(jid.domain());
    assertThat(c.authPlain(jid.localpart(), "Passw0rd-" + jid.localpart()).name())
        .isEqualTo("success");
    c.restart(jid.domain());
    c.bind(resource);
    return c;
  }

  /** The next element that is not presence (presence broadcasts are not this test's subject). */
  private static XmlElement next(RawClient c) throws Exception {
    XmlElement e = c.next();
    while (e.name().equals("presence")) {
      e = c.next();
    }
    return e;
  }

  private static void block(RawClient c, String... jids) throws Exception {
    StringBuilder items = new StringBuilder();
    for (String jid : jids) {
      items.append("<item jid='").append(jid).append("'/>");
    }
    c.send("<iq type='set' id='b'><block xmlns='urn:xmpp:blocking'>" + items + "</block></iq>");
  }

  private static void message(RawClient c, String to, String body) throws Exception {
    c.send("<message type='chat' to='" + to + "'><body>" + body + "</body></message>");
  }

  @Test
  void theBlocklistIsPushedToResourcesThatRetrievedIt() throws Exception {
    try (RawClient phone = login("bea@localhost", "phone");
        RawClient laptop = login("bea@localhost", "laptop")) {
      phone.send("<iq type='get' id='l'><blocklist xmlns='urn:xmpp:blocking'/></iq>");
      XmlElement list = next(phone);
      assertThat(list.firstElement().is("blocklist", Namespaces.BLOCKING)).isTrue();
      assertThat(list.firstElement().elements()).isEmpty();

      block(phone, "spam@localhost", "bad.example");
      XmlElement first = next(phone);
      XmlElement second = next(phone);
      XmlElement push = first.attribute("type").equals("set") ? first : second;
      XmlElement result = push == first ? second : first;
      assertThat(result.attribute("type")).isEqualTo("result");
      assertThat(push.firstElement().is("block", Namespaces.BLOCKING)).isTrue();
      assertThat(push.firstElement().elements()).hasSize(2);
      phone.send("<iq type='result' id='" + push.attribute("id") + "'/>");

      // The laptop never asked for the list: no push, its next stanza is its own answer.
      laptop.send("<iq type='get' id='l2'><blocklist xmlns='urn:xmpp:blocking'/></iq>");
      XmlElement laptopList = next(laptop);
      assertThat(laptopList.attribute("id")).isEqualTo("l2");
      assertThat(laptopList.firstElement().elements())
          .extracting(i -> i.attribute("jid"))
          .containsExactly("bad.example", "spam@localhost");
    }
  }

  @Test
  void aBlockedSendersMessagesAndRequestsBounceAndItsPresenceVanishes() throws Exception {
    try (RawClient cleo = login("cleo@localhost", "r");
        RawClient mal = login("mal@localhost", "r");
        RawClient friend = login("friend@localhost", "r")) {
      block(cleo, "mal@localhost");
      assertThat(next(cleo).attribute("type")).isEqualTo("result");

      message(mal, "cleo@localhost/r", "let me in");
      XmlElement bounce = next(mal);
      assertThat(bounce.attribute("type")).isEqualTo("error");
      assertThat(condition(bounce)).isEqualTo("service-unavailable");

      mal.send(
          "<iq type='get' id='v' to='cleo@localhost/r'><query xmlns='jabber:iq:version'/></iq>");
      assertThat(condition(next(mal))).isEqualTo("service-unavailable");

      mal.send("<presence to='cleo@localhost'/>");
      // mal's stanzas are handled in order: once its ping is answered the presence was routed
      // (or not), and anything routed to cleo is queued ahead of the marker.
      mal.send("<iq type='get' id='p' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>");
      next(mal);
      message(friend, "cleo@localhost/r", "marker");
      XmlElement delivered = cleo.next();
      assertThat(delivered.name()).isEqualTo("message");
      assertThat(delivered.childText("body", Namespaces.CLIENT)).isEqualTo("marker");
    }
  }

  @Test
  void writingToABlockedContactIsNotAcceptableWithTheBlockedCondition() throws Exception {
    try (RawClient dora = login("dora@localhost", "r");
        RawClient ex = login("ex@localhost", "r")) {
      block(dora, "ex@localhost");
      assertThat(next(dora).attribute("type")).isEqualTo("result");
      message(dora, "ex@localhost/r", "sorry");
      XmlElement error = next(dora);
      assertThat(condition(error)).isEqualTo("not-acceptable");
      assertThat(
              error.child("error", Namespaces.CLIENT).child("blocked", Namespaces.BLOCKING_ERRORS))
          .isNotNull();

      dora.send(
          "<iq type='set' id='u'><unblock xmlns='urn:xmpp:blocking'><item jid='ex@localhost'/>"
              + "</unblock></iq>");
      assertThat(next(dora).attribute("type")).isEqualTo("result");
      message(dora, "ex@localhost/r", "hello again");
      assertThat(next(ex).childText("body", Namespaces.CLIENT)).isEqualTo("hello again");
    }
  }

  @Test
  void aBlockedDomainCoversEveryUserThereAndUnblockAllLiftsIt() throws Exception {
    try (RawClient fay = login("fay@localhost", "r");
        RawClient other = login("someone@example.com", "r")) {
      block(fay, "example.com");
      assertThat(next(fay).attribute("type")).isEqualTo("result");
      message(other, "fay@localhost/r", "hi");
      assertThat(condition(next(other))).isEqualTo("service-unavailable");

      fay.send("<iq type='set' id='ua'><unblock xmlns='urn:xmpp:blocking'/></iq>");
      assertThat(next(fay).attribute("type")).isEqualTo("result");
      fay.send("<iq type='get' id='l'><blocklist xmlns='urn:xmpp:blocking'/></iq>");
      assertThat(next(fay).firstElement().elements()).isEmpty();
      message(other, "fay@localhost/r", "hi again");
      assertThat(next(fay).childText("body", Namespaces.CLIENT)).isEqualTo("hi again");
    }
  }

  @Test
  void emptyBlocksAndInvalidJidsAreBadRequests() throws Exception {
    try (RawClient gil = login("gil@localhost", "r")) {
      gil.send("<iq type='set' id='e'><block xmlns='urn:xmpp:blocking'/></iq>");
      assertThat(condition(next(gil))).isEqualTo("bad-request");
      block(gil, "a@b@c");
      assertThat(condition(next(gil))).isEqualTo("bad-request");
      block(gil, "");
      assertThat(condition(next(gil))).isEqualTo("bad-request");
      gil.send("<iq type='set' id='n'><block xmlns='urn:xmpp:blocking'><item/></block></iq>");
      assertThat(condition(next(gil))).isEqualTo("bad-request");
      gil.send(
          "<iq type='get' id='o' to='bea@localhost'><blocklist xmlns='urn:xmpp:blocking'/></iq>");
      assertThat(condition(next(gil))).isEqualTo("forbidden");
    }
  }

  @Test
  void removingTheAccountDeletesItsBlocklist() throws Exception {
    Jid leaver = Jid.bare("blockleaver", "localhost");
    try (RawClient c = login(leaver.toString(), "r")) {
      block(c, "someone@localhost");
      assertThat(next(c).attribute("type")).isEqualTo("result");
      assertThat(rows(leaver)).isEqualTo(1);
      c.send("<iq type='set' id='rm'><query xmlns='jabber:iq:register'><remove/></query></iq>");
      assertThat(next(c).attribute("type")).isEqualTo("result");
    }
    assertThat(rows(leaver)).isZero();
  }

  private static long rows(Jid user) {
    return node.node()
        .database()
        .jdbc()
        .queryOne(
            "SELECT COUNT(*) FROM blocking WHERE server = ? AND username = ?",
            rs -> rs.getLong(1),
            user.domain(),
            user.localpart())
        .orElseThrow();
  }
}
