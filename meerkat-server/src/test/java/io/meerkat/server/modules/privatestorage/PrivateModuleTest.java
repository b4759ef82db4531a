package io.meerkat.server.modules.privatestorage;

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

/** XEP-0049 over real connections. */
class PrivateModuleTest {

  @TempDir static Path dataDir;
  static TestNode node;

  @BeforeAll
  static void start() {
    node = TestNode.start(dataDir, ImModules.TOML);
    for (String user : new String[] {"priv", "nosy"}) {
      node.node().users().register(Jid.bare(user, "localhost"), "Passw0rd-" + user);
    }
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static RawClient login(String user) throws Exception {
    return RawClient.loggedIn(ImModules.port(node), user, "Passw0rd-" + user, "res");
  }

  private static final String BOOKMARKS =
      "<storage xmlns='storage:bookmarks'><conference jid='room@muc.localhost' autojoin='true'>"
          + "<nick>priv</nick></conference></storage>";

  @Test
  void storedDataComesBackAndUnknownNamespacesReturnTheEmptyRequest() throws Exception {
    try (RawClient c = login("priv")) {
      c.send(
          "<iq type='set' id='s1'><query xmlns='jabber:iq:private'>" + BOOKMARKS + "</query></iq>");
      assertThat(c.next().attribute("type")).isEqualTo("result");

      c.send(
          "<iq type='get' id='g1'><query xmlns='jabber:iq:private'>"
              + "<storage xmlns='storage:bookmarks'/></query></iq>");
      XmlElement query = c.next().firstElement();
      assertThat(query.is("query", Namespaces.PRIVATE)).isTrue();
      XmlElement storage = query.firstElement();
      assertThat(storage.child("conference", "storage:bookmarks").attribute("jid"))
          .isEqualTo("room@muc.localhost");

      c.send(
          "<iq type='get' id='g2'><query xmlns='jabber:iq:private'>"
              + "<prefs xmlns='urn:example:unset'/></query></iq>");
      assertThat(c.next().firstElement().firstElement())
          .isEqualTo(XmlElement.empty("prefs", "urn:example:unset"));
    }
  }

  @Test
  void anotherUsersStorageIsForbiddenForReadingAndWriting() throws Exception {
    try (RawClient nosy = login("nosy")) {
      nosy.send(
          "<iq type='get' id='x1' to='priv@localhost'><query xmlns='jabber:iq:private'>"
              + "<storage xmlns='storage:bookmarks'/></query></iq>");
      assertThat(condition(nosy.next())).isEqualTo("forbidden");
      nosy.send(
          "<iq type='set' id='x2' to='priv@localhost'><query xmlns='jabber:iq:private'>"
              + BOOKMARKS
              + "</query></iq>");
      assertThat(condition(nosy.next())).isEqualTo("forbidden");
    }
  }

  @Test
  void reservedNamespacesAreNotAcceptable() throws Exception {
    try (RawClient c = login("priv")) {
      for (String element :
          new String[] {
            "<vCard xmlns='vcard-temp'><FN>x</FN></vCard>",
            "<x xmlns='jabber:x:data'/>",
            "<q xmlns='http://jabber.org/protocol/disco#info'/>",
            "<plain/>"
          }) {
        c.send(
            "<iq type='set' id='r'><query xmlns='jabber:iq:private'>" + element + "</query></iq>");
        assertThat(condition(c.next())).as(element).isEqualTo("not-acceptable");
      }
    }
  }

  @Test
  void aGetNamesExactlyOneElement() throws Exception {
    try (RawClient c = login("priv")) {
      c.send("<iq type='get' id='e1'><query xmlns='jabber:iq:private'/></iq>");
      assertThat(condition(c.next())).isEqualTo("bad-request");
      c.send(
          "<iq type='get' id='e2'><query xmlns='jabber:iq:private'><a xmlns='urn:a'/>"
              + "<b xmlns='urn:b'/></query></iq>");
      assertThat(condition(c.next())).isEqualTo("bad-request");
      c.send("<iq type='set' id='e3'><query xmlns='jabber:iq:private'/></iq>");
      assertThat(condition(c.next())).isEqualTo("not-acceptable");
    }
  }

  @Test
  void removingTheAccountDeletesItsPrivateData() throws Exception {
    Jid leaver = Jid.bare("privleaver", "localhost");
    node.node().users().register(leaver, "Passw0rd-privleaver");
    try (RawClient c = login("privleaver")) {
      c.send(
          "<iq type='set' id='s'><query xmlns='jabber:iq:private'>" + BOOKMARKS + "</query></iq>");
      assertThat(c.next().attribute("type")).isEqualTo("result");
      assertThat(rows(leaver)).isEqualTo(1);
      c.send("<iq type='set' id='rm'><query xmlns='jabber:iq:register'><remove/></query></iq>");
      assertThat(c.next().attribute("type")).isEqualTo("result");
    }
    assertThat(rows(leaver)).isZero();
  }

  private static long rows(Jid user) {
    return node.node()
        .database()
        .jdbc()
        .queryOne(
            "SELECT COUNT(*) FROM private_storage WHERE server = ? AND username = ?",
            rs -> rs.getLong(1),
            user.domain(),
            user.localpart())
        .orElseThrow();
  }
}
