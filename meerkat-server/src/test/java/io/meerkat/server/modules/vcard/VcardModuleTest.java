package io.meerkat.server.modules.vcard;

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

/** XEP-0054 over real connections. */
class VcardModuleTest {

  @TempDir static Path dataDir;
  static TestNode node;

  @BeforeAll
  static void start() {
    node = TestNode.start(dataDir, ImModules.TOML);
    for (String user : new String[] {"vera", "otto", "gone"}) {
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

  private static final String CARD =
      "<vCard xmlns='vcard-temp'><FN>Vera Vcard</FN><NICKNAME>vv</NICKNAME>"
          + "<PHOTO><TYPE>image/png</TYPE><BINVAL>iVBORw0KGgo=</BINVAL></PHOTO></vCard>";

  @Test
  void ownVcardIsEmptyUntilSetThenComesBackAsStoredAndOthersCanReadIt() throws Exception {
    try (RawClient vera = login("vera");
        RawClient otto = login("otto")) {
      vera.send("<iq type='get' id='g1'><vCard xmlns='vcard-temp'/></iq>");
      XmlElement empty = vera.next();
      assertThat(empty.attribute("type")).isEqualTo("result");
      assertThat(empty.firstElement()).isEqualTo(XmlElement.empty("vCard", Namespaces.VCARD));

      vera.send("<iq type='set' id='s1'>" + CARD + "</iq>");
      assertThat(vera.next().attribute("type")).isEqualTo("result");

      vera.send("<iq type='get' id='g2'><vCard xmlns='vcard-temp'/></iq>");
      XmlElement own = vera.next().firstElement();
      assertThat(own.childText("FN", Namespaces.VCARD)).isEqualTo("Vera Vcard");
      assertThat(own.child("PHOTO", Namespaces.VCARD).childText("BINVAL", Namespaces.VCARD))
          .isEqualTo("iVBORw0KGgo=");

      otto.send("<iq type='get' id='g3' to='vera@localhost'><vCard xmlns='vcard-temp'/></iq>");
      XmlElement fromOtto = otto.next();
      assertThat(fromOtto.attribute("from")).isEqualTo("vera@localhost");
      assertThat(fromOtto.firstElement()).isEqualTo(own);
    }
  }

  @Test
  void settingAnotherUsersVcardIsForbidden() throws Exception {
    try (RawClient otto = login("otto")) {
      otto.send("<iq type='set' id='s2' to='vera@localhost'>" + CARD + "</iq>");
      assertThat(condition(otto.next())).isEqualTo("forbidden");
    }
  }

  @Test
  void aMissingVcardAndAMissingUserAnswerAlike() throws Exception {
    try (RawClient otto = login("otto")) {
      otto.send("<iq type='get' id='m1' to='gone@localhost'><vCard xmlns='vcard-temp'/></iq>");
      assertThat(condition(otto.next())).isEqualTo("service-unavailable");
      otto.send("<iq type='get' id='m2' to='nobody@localhost'><vCard xmlns='vcard-temp'/></iq>");
      assertThat(condition(otto.next())).isEqualTo("service-unavailable");
    }
  }

  @Test
  void aVcardOverTheSizeLimitIsNotAcceptableAndNotStored() throws Exception {
    try (RawClient otto = login("otto")) {
      otto.send(
          "<iq type='set' id='big'><vCard xmlns='vcard-temp'><DESC>"
              + "x".repeat(3000)
              + "</DESC></vCard></iq>");
      XmlElement error = otto.next();
      assertThat(condition(error)).isEqualTo("not-acceptable");
      otto.send("<iq type='get' id='g'><vCard xmlns='vcard-temp'/></iq>");
      assertThat(otto.next().firstElement().elements()).isEmpty();
    }
  }

  @Test
  void theServerHasAReadOnlyVcard() throws Exception {
    try (RawClient otto = login("otto")) {
      otto.send("<iq type='get' id='sv' to='localhost'><vCard xmlns='vcard-temp'/></iq>");
      assertThat(otto.next().firstElement().childText("FN", Namespaces.VCARD)).isEqualTo("Meerkat");
      otto.send("<iq type='set' id='sv2' to='localhost'>" + CARD + "</iq>");
      assertThat(condition(otto.next())).isEqualTo("not-allowed");
    }
  }

  @Test
  void removingTheAccountDeletesItsVcard() throws Exception {
    Jid leaver = Jid.bare("leaver", "localhost");
    node.node().users().register(leaver, "Passw0rd-leaver");
    try (RawClient c = login("leaver")) {
      c.send("<iq type='set' id='s'>" + CARD + "</iq>");
      assertThat(c.next().attribute("type")).isEqualTo("result");
      assertThat(vcardRows(leaver)).isEqualTo(1);
      c.send("<iq type='set' id='rm'><query xmlns='jabber:iq:register'><remove/></query></iq>");
      assertThat(c.next().attribute("type")).isEqualTo("result");
    }
    assertThat(vcardRows(leaver)).isZero();
  }

  static long vcardRows(Jid user) {
    return node.node()
        .database()
        .jdbc()
        .queryOne(
            "SELECT COUNT(*) FROM vcard WHERE server = ? AND username = ?",
            rs -> rs.getLong(1),
            user.domain(),
            user.localpart())
        .orElseThrow();
  }
}
