package io.meerkat.server.modules.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.modules.roster.RosterApi.MutualAction;
import io.meerkat.server.modules.roster.RosterModule;
import io.meerkat.server.testing.ImModules;
import io.meerkat.server.testing.RawClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XEP-0191 §3.3 and §3.4: what blocking and unblocking tell contacts about the user's presence. */
class BlockingPresenceTest {

  @TempDir static Path dataDir;
  static TestNode node;

  @BeforeAll
  static void start() {
    node =
        TestNode.start(
            dataDir,
            ImModules.TOML
                + """
                [modules.mod_roster]
                [modules.mod_presence]
                """);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static RawClient availableAs(String user) throws Exception {
    Jid jid = Jid.parse(user);
    RawClient c = new RawClient(ImModules.port(node));
    c.openStream(jid.domain());
    c.startTls();
    c.openStream(jid.domain());
    assertThat(c.authPlain(jid.localpart(), "Passw0rd-" + jid.localpart()).name())
        .isEqualTo("success");
    c.restart(jid.domain());
    c.bind("r");
    c.send("<presence><status>here</status></presence>");
    return c;
  }

  private static void register(String... users) {
    for (String user : users) {
      Jid jid = Jid.parse(user);
      node.node().users().register(jid, "Passw0rd-" + jid.localpart());
    }
  }

  private static void befriend(String a, String b) {
    node.node()
        .module(RosterModule.class)
        .orElseThrow()
        .api()
        .setMutualSubscription(Jid.parse(a), Jid.parse(b), MutualAction.CONNECT);
  }

  /** Sends {@code items} in a blocking command and waits for its result. */
  private static void command(RawClient c, String name, String... jids) throws Exception {
    StringBuilder items = new StringBuilder();
    for (String jid : jids) {
      items.append("<item jid='").append(jid).append("'/>");
    }
    c.send(
        "<iq type='set' id='cmd'><"
            + name
            + " xmlns='urn:xmpp:blocking'>"
            + items
            + "</"
            + name
            + "></iq>");
    XmlElement e = c.next();
    while (!"cmd".equals(e.attribute("id"))) {
      e = c.next();
    }
    assertThat(e.attribute("type")).isEqualTo("result");
  }

  /**
   * What {@code target} received up to a marker message that {@code courier} sends now: stanzas
   * routed to {@code target} before the marker are queued ahead of it.
   */
  private static List<XmlElement> receivedBefore(RawClient courier, RawClient target, String to)
      throws Exception {
    courier.send("<message type='chat' to='" + to + "'><body>marker</body></message>");
    List<XmlElement> seen = new ArrayList<>();
    XmlElement e = target.next();
    while (!(e.name().equals("message")
        && "marker".equals(e.childText("body", Namespaces.CLIENT)))) {
      seen.add(e);
      e = target.next();
    }
    return seen;
  }

  private static List<XmlElement> presenceFrom(List<XmlElement> seen, String from) {
    return seen.stream()
        .filter(e -> e.name().equals("presence") && from.equals(e.attribute("from")))
        .toList();
  }

  @Test
  void aBlockedSubscribedContactGetsUnavailableAndAnUnblockedOneTheCurrentPresence()
      throws Exception {
    register("dora@localhost", "eli@localhost", "fay@localhost");
    befriend("dora@localhost", "eli@localhost");
    try (RawClient dora = availableAs("dora@localhost");
        RawClient eli = availableAs("eli@localhost");
        RawClient fay = availableAs("fay@localhost")) {
      receivedBefore(fay, eli, "eli@localhost/r");

      command(dora, "block", "eli@localhost");
      List<XmlElement> afterBlock =
          presenceFrom(receivedBefore(fay, eli, "eli@localhost/r"), "dora@localhost/r");
      assertThat(afterBlock).hasSize(1);
      assertThat(afterBlock.get(0).attribute("type")).isEqualTo("unavailable");

      command(dora, "unblock", "eli@localhost");
      List<XmlElement> afterUnblock =
          presenceFrom(receivedBefore(fay, eli, "eli@localhost/r"), "dora@localhost/r");
      assertThat(afterUnblock).hasSize(1);
      assertThat(afterUnblock.get(0).attribute("type")).isNull();
      assertThat(afterUnblock.get(0).childText("status", Namespaces.CLIENT)).isEqualTo("here");
    }
  }

  @Test
  void blockingSomeoneWhoCannotSeeThePresenceTellsThemNothing() throws Exception {
    register("gil@localhost", "hal@localhost", "ivy@localhost");
    try (RawClient gil = availableAs("gil@localhost");
        RawClient hal = availableAs("hal@localhost");
        RawClient ivy = availableAs("ivy@localhost")) {
      receivedBefore(ivy, hal, "hal@localhost/r");

      command(gil, "block", "hal@localhost");
      command(gil, "unblock", "hal@localhost");

      assertThat(presenceFrom(receivedBefore(ivy, hal, "hal@localhost/r"), "gil@localhost/r"))
          .isEmpty();
    }
  }
}
