package io.meerkat.server.modules.disco;

import static org.assertj.core.api.Assertions.assertThat;

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

/** mod_disco over real sockets: server and account discovery, server info, capabilities. */
class DiscoModuleTest {

  @TempDir static Path dataDir;
  static TestNode node;

  @BeforeAll
  static void start() {
    node =
        TestNode.start(
            dataDir,
            """
            [modules.mod_offline]
            [modules.mod_roster]
            [modules.mod_disco]
              extra_domains = ["pubsub.localhost", "conference.localhost"]
              server_info = [
                {name = "abuse-addresses", urls = ["mailto:abuse@localhost"]},
                {name = "admin-addresses", urls = ["xmpp:admin@localhost", "mailto:root@localhost"]},
                {name = "muc-only", urls = ["mailto:muc@localhost"], modules = ["mod_muc"]}
              ]
            """);
    for (String u : List.of("alice", "bob")) {
      node.node().users().register(Jid.parse(u + "@localhost"), u + "-pw");
    }
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static RawClient login(String user) throws Exception {
    return RawClient.loggedIn(node.optionalTlsPort(), user, user + "-pw", "res");
  }

  private static XmlElement ask(RawClient c, String to, String ns, String node) throws Exception {
    c.send(
        "<iq type='get' id='d1'"
            + (to == null ? "" : " to='" + to + "'")
            + "><query xmlns='"
            + ns
            + "'"
            + (node == null ? "" : " node='" + node + "'")
            + "/></iq>");
    return c.next();
  }

  private static List<String> features(XmlElement result) {
    return result.firstElement().elements().stream()
        .filter(e -> e.name().equals("feature"))
        .map(e -> e.attribute("var"))
        .toList();
  }

  private static String errorCondition(XmlElement reply) {
    assertThat(reply.attribute("type")).as(reply.toString()).isEqualTo("error");
    return reply.child("error", Namespaces.CLIENT).firstElement().name();
  }

  @Test
  void theServerIdentifiesAsAnImServerWithTheFeaturesOfItsModules() throws Exception {
    try (RawClient c = login("alice")) {
      XmlElement result = ask(c, "localhost", Namespaces.DISCO_INFO, null);
      assertThat(result.attribute("type")).as(result.toString()).isEqualTo("result");
      assertThat(result.attribute("from")).isEqualTo("localhost");
      XmlElement identity = result.firstElement().child("identity", Namespaces.DISCO_INFO);
      assertThat(identity.attribute("category")).isEqualTo("server");
      assertThat(identity.attribute("type")).isEqualTo("im");
      assertThat(features(result))
          .contains(
              Namespaces.DISCO_INFO, Namespaces.DISCO_ITEMS, Namespaces.REGISTER, "msgoffline")
          .isSorted()
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void theServerInfoFormCarriesTheConfiguredContactAddresses() throws Exception {
    try (RawClient c = login("alice")) {
      XmlElement form =
          ask(c, "localhost", Namespaces.DISCO_INFO, null)
              .firstElement()
              .child("x", Namespaces.DATA_FORMS);
      assertThat(form.attribute("type")).isEqualTo("result");
      io.meerkat.server.modules.forms.DataForm parsed =
          io.meerkat.server.modules.forms.DataForm.parse(form);
      assertThat(parsed.formType()).contains(Namespaces.SERVER_INFO);
      assertThat(parsed.values("abuse-addresses")).containsExactly("mailto:abuse@localhost");
      assertThat(parsed.values("admin-addresses"))
          .containsExactly("xmpp:admin@localhost", "mailto:root@localhost");
      assertThat(parsed.field("muc-only")).isEmpty();
    }
  }

  @Test
  void theServerItemsAreTheExtraDomains() throws Exception {
    try (RawClient c = login("alice")) {
      XmlElement result = ask(c, "localhost", Namespaces.DISCO_ITEMS, null);
      assertThat(result.firstElement().elements())
          .extracting(e -> e.attribute("jid"))
          .containsExactly("pubsub.localhost", "conference.localhost");
    }
  }

  @Test
  void unknownNodesAreItemNotFound() throws Exception {
    try (RawClient c = login("alice")) {
      assertThat(errorCondition(ask(c, "localhost", Namespaces.DISCO_INFO, "no-such-node")))
          .isEqualTo("item-not-found");
      assertThat(errorCondition(ask(c, "localhost", Namespaces.DISCO_ITEMS, "no-such-node")))
          .isEqualTo("item-not-found");
      assertThat(
              errorCondition(
                  ask(c, "localhost", Namespaces.DISCO_INFO, ServerDisco.CAPS_NODE + "#stale")))
          .isEqualTo("item-not-found");
    }
  }

  @Test
  void streamFeaturesCarryCapsWhoseVerMatchesTheDiscoInfoOfItsNode() throws Exception {
    RawClient c = new RawClient(node.optionalTlsPort());
    try (c) {
      c.openStream("localhost");
      c.startTls();
      c.openStream("localhost");
      c.authPlain("bob", "bob-pw");
      XmlElement features = c.restart("localhost");
      XmlElement caps = features.child("c", Namespaces.CAPS);
      assertThat(caps).as(features.toString()).isNotNull();
      assertThat(caps.attribute("hash")).isEqualTo("sha-1");
      String ver = caps.attribute("ver");
      c.bind("res");
      XmlElement result =
          ask(c, "localhost", Namespaces.DISCO_INFO, caps.attribute("node") + "#" + ver);
      assertThat(result.attribute("type")).as(result.toString()).isEqualTo("result");
      assertThat(result.firstElement().attribute("node"))
          .isEqualTo(caps.attribute("node") + "#" + ver);
      DiscoInfo answered = parse(result.firstElement());
      assertThat(CapsHash.ver(answered)).isEqualTo(ver);
    }
  }

  private static DiscoInfo parse(XmlElement query) {
    List<DiscoInfo.Identity> identities =
        query.elements().stream()
            .filter(e -> e.name().equals("identity"))
            .map(
                e ->
                    new DiscoInfo.Identity(
                        e.attribute("category"),
                        e.attribute("type"),
                        e.attribute("xml:lang"),
                        e.attribute("name")))
            .toList();
    List<io.meerkat.server.modules.forms.DataForm> forms =
        query.elements().stream()
            .filter(e -> e.is("x", Namespaces.DATA_FORMS))
            .map(io.meerkat.server.modules.forms.DataForm::parse)
            .toList();
    return new DiscoInfo(identities, new java.util.TreeSet<>(features(wrap(query))), forms);
  }

  private static XmlElement wrap(XmlElement query) {
    return XmlElement.builder("iq", Namespaces.CLIENT).child(query).build();
  }

  @Test
  void anAccountAnswersItsOwnerWithTheRegisteredAccountIdentity() throws Exception {
    try (RawClient c = login("alice")) {
      XmlElement result = ask(c, "alice@localhost", Namespaces.DISCO_INFO, null);
      XmlElement identity = result.firstElement().child("identity", Namespaces.DISCO_INFO);
      assertThat(identity.attribute("category")).isEqualTo("account");
      assertThat(identity.attribute("type")).isEqualTo("registered");
      XmlElement items = ask(c, "alice@localhost", Namespaces.DISCO_ITEMS, null);
      assertThat(items.attribute("type")).isEqualTo("result");
    }
  }

  @Test
  void strangersAndUnknownAccountsLookTheSameServiceUnavailable() throws Exception {
    try (RawClient c = login("alice")) {
      assertThat(errorCondition(ask(c, "bob@localhost", Namespaces.DISCO_INFO, null)))
          .isEqualTo("service-unavailable");
      assertThat(errorCondition(ask(c, "ghost@localhost", Namespaces.DISCO_INFO, null)))
          .isEqualTo("service-unavailable");
      assertThat(errorCondition(ask(c, "bob@localhost", Namespaces.DISCO_ITEMS, null)))
          .isEqualTo("service-unavailable");
    }
  }

  @Test
  void aContactSubscribedToTheAccountSeesItsIdentity() throws Exception {
    Jid bob = Jid.parse("bob@localhost");
    Jid carol = Jid.parse("carol@localhost");
    node.node().users().register(carol, "carol-pw");
    io.meerkat.server.roster.RosterStore roster =
        new io.meerkat.server.roster.RdbmsRosterStore(node.node().database().jdbc());
    io.meerkat.server.roster.RosterItem item =
        io.meerkat.server.roster.RosterItem.empty(carol, true);
    roster.put(
        bob,
        new io.meerkat.server.roster.RosterItem(
            carol,
            "",
            io.meerkat.server.roster.Subscription.FROM,
            false,
            false,
            false,
            true,
            "",
            item.groups()));
    try (RawClient c = login("carol")) {
      XmlElement result = ask(c, "bob@localhost", Namespaces.DISCO_INFO, null);
      assertThat(result.attribute("type")).as(result.toString()).isEqualTo("result");
    }
  }
}
