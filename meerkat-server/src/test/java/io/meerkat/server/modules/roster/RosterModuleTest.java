package io.meerkat.server.modules.roster;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.testing.ImClient;
import io.meerkat.server.testing.RawClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Roster management over real sockets (RFC 6121 §2, XEP-0237). */
class RosterModuleTest {

  @TempDir static Path dataDir;
  static TestNode node;

  @BeforeAll
  static void start() {
    node =
        TestNode.start(
            dataDir, "\n[modules.mod_roster]\n  versioning = true\n[modules.mod_presence]\n");
    for (String user : new String[] {"alice", "bob", "carol", "dave", "erin", "frank"}) {
      node.node().users().register(Jid.parse(user + "@localhost"), user + "-pw");
    }
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static ImClient login(String user, String resource) throws Exception {
    return ImClient.login(node, user, resource);
  }

  private static String set(String item) {
    return "<query xmlns='jabber:iq:roster'>" + item + "</query>";
  }

  private static XmlElement errorCondition(XmlElement reply) {
    assertThat(reply.attribute("type")).as(reply.toString()).isEqualTo("error");
    return reply.child("error", Namespaces.CLIENT).firstElement();
  }

  private static List<XmlElement> items(XmlElement rosterResult) {
    return rosterResult.child("query", Namespaces.ROSTER).elements();
  }

  @Test
  void aContactAddedByOneResourceIsPushedToEveryResourceThatAskedForTheRoster() throws Exception {
    try (ImClient phone = login("alice", "phone");
        ImClient desk = login("alice", "desk");
        ImClient bot = login("alice", "bot")) {
      assertThat(items(phone.roster())).isEmpty();
      desk.roster();
      XmlElement result =
          phone.iq(
              "set",
              null,
              set(
                  "<item jid='bob@localhost' name='Bob'><group>Friends</group>"
                      + "<group>Work</group></item>"));
      assertThat(result.attribute("type")).as(result.toString()).isEqualTo("result");
      for (ImClient interested : new ImClient[] {phone, desk}) {
        XmlElement pushed = interested.expectPush();
        assertThat(pushed.attribute("jid")).isEqualTo("bob@localhost");
        assertThat(pushed.attribute("name")).isEqualTo("Bob");
        assertThat(pushed.attribute("subscription")).isEqualTo("none");
        assertThat(pushed.elements()).extracting(XmlElement::text).contains("Friends", "Work");
      }
      assertThat(bot.sync()).as("a resource that never asked for the roster").isEmpty();
      XmlElement bob = items(bot.roster()).get(0);
      assertThat(bob.attribute("name")).isEqualTo("Bob");
      assertThat(bob.attribute("ask")).isNull();

      phone.iq("set", null, set("<item jid='bob@localhost' name='Robert'/>"));
      XmlElement renamed = desk.expectPush();
      assertThat(renamed.attribute("name")).isEqualTo("Robert");
      assertThat(renamed.elements()).isEmpty();

      assertThat(phone.iq("set", null, set("<item jid='bob@localhost' subscription='remove'/>")))
          .satisfies(r -> assertThat(r.attribute("type")).isEqualTo("result"));
      assertThat(desk.expectPush().attribute("subscription")).isEqualTo("remove");
      assertThat(items(desk.roster())).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "<item jid='x@localhost'/><item jid='y@localhost'/> | bad-request",
        "<item jid='x@localhost'><group>A</group><group>A</group></item> | bad-request",
        "<item jid='x@localhost'><group></group></item> | not-acceptable",
        "<item/> | bad-request",
        "<item jid='@@'/> | bad-request",
        "<item jid='x@localhost/res'/> | bad-request",
        "<item jid='carol@localhost'/> | not-allowed",
        "<item jid='nobody@localhost' subscription='remove'/> | item-not-found",
        " | bad-request",
      })
  void invalidRosterSetsGetTheErrorsOfRfc6121AndChangeNothing(String item, String condition)
      throws Exception {
    try (ImClient carol = login("carol", "errors")) {
      XmlElement reply = carol.iq("set", null, set(item == null ? "" : item));
      assertThat(errorCondition(reply).name()).isEqualTo(condition);
      assertThat(items(carol.roster())).isEmpty();
    }
  }

  @Test
  void aNameLongerThanTheLimitIsNotAcceptable() throws Exception {
    try (ImClient carol = login("carol", "long")) {
      String name = "n".repeat(1025);
      XmlElement reply =
          carol.iq("set", null, set("<item jid='x@localhost' name='" + name + "'/>"));
      assertThat(errorCondition(reply).name()).isEqualTo("not-acceptable");
      XmlElement group =
          carol.iq("set", null, set("<item jid='x@localhost'><group>" + name + "</group></item>"));
      assertThat(errorCondition(group).name()).isEqualTo("not-acceptable");
    }
  }

  @Test
  void subscriptionAskAndApprovedAttributesInARosterSetAreIgnored() throws Exception {
    try (ImClient dave = login("dave", "attrs")) {
      dave.iq(
          "set",
          null,
          set("<item jid='eve@localhost' subscription='both' ask='subscribe' approved='true'/>"));
      XmlElement item = items(dave.roster()).get(0);
      assertThat(item.attribute("subscription")).isEqualTo("none");
      assertThat(item.attribute("ask")).isNull();
      assertThat(item.attribute("approved")).isNull();
    }
  }

  @Test
  void someoneElsesRosterIsForbidden() throws Exception {
    try (ImClient dave = login("dave", "nosy")) {
      XmlElement reply = dave.iq("get", "erin@localhost", "<query xmlns='jabber:iq:roster'/>");
      assertThat(errorCondition(reply).name()).isEqualTo("forbidden");
      XmlElement set = dave.iq("set", "localhost", set("<item jid='mallory@localhost'/>"));
      assertThat(errorCondition(set).name()).isEqualTo("forbidden");
    }
  }

  @Test
  void aClientWithTheCurrentVersionGetsAnEmptyResultAndPushesCarryTheNewVersion() throws Exception {
    try (ImClient erin = login("erin", "ver")) {
      XmlElement first = erin.roster();
      String ver = first.child("query", Namespaces.ROSTER).attribute("ver");
      assertThat(ver).isNotNull();
      XmlElement unchanged =
          erin.iq("get", null, "<query xmlns='jabber:iq:roster' ver='" + ver + "'/>");
      assertThat(unchanged.attribute("type")).isEqualTo("result");
      assertThat(unchanged.elements()).isEmpty();

      erin.iq("set", null, set("<item jid='frank@localhost'/>"));
      XmlElement push =
          erin.expect(e -> e.name().equals("iq") && "set".equals(e.attribute("type")));
      String pushedVer = push.child("query", Namespaces.ROSTER).attribute("ver");
      assertThat(pushedVer).isNotEqualTo(ver);

      XmlElement stale =
          erin.iq("get", null, "<query xmlns='jabber:iq:roster' ver='" + ver + "'/>");
      assertThat(stale.child("query", Namespaces.ROSTER).attribute("ver")).isEqualTo(pushedVer);
      assertThat(items(stale)).hasSize(1);
    }
  }

  @Test
  void streamFeaturesOfferRosterVersioningAndPreApproval() throws Exception {
    try (RawClient c = new RawClient(node.optionalTlsPort())) {
      c.openStream("localhost");
      c.startTls();
      c.openStream("localhost");
      c.authPlain("frank", "frank-pw");
      XmlElement features = c.restart("localhost");
      assertThat(features.child("ver", Namespaces.ROSTER_VERSIONING)).isNotNull();
      assertThat(features.child("sub", Namespaces.PRESENCE_PREAPPROVAL)).isNotNull();
    }
  }
}
