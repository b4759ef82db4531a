package io.meerkat.server.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.testing.ImClient;
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

/**
 * The delivery rules of RFC 6121 §8.5 for local users, on a node without IM modules (so nothing but
 * the router decides): {@code high} has priority 5, {@code high2} 5, {@code low} 1, {@code
 * negative} -1, and {@code silent} never sent presence.
 */
class DeliveryRulesTest {

  @TempDir static Path dataDir;
  static TestNode node;
  static ImClient high;
  static ImClient high2;
  static ImClient low;
  static ImClient negative;
  static ImClient silent;
  static ImClient sender;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start(dataDir);
    for (String user : new String[] {"rcpt", "sender", "lonely"}) {
      node.node().users().register(Jid.parse(user + "@localhost"), user + "-pw");
    }
    high = available("high", 5);
    high2 = available("high2", 5);
    low = available("low", 1);
    negative = available("negative", -1);
    silent = ImClient.login(node, "rcpt", "silent");
    sender = ImClient.login(node, "sender", "s");
  }

  private static ImClient available(String resource, int priority) throws Exception {
    ImClient c = ImClient.login(node, "rcpt", resource);
    c.send("<presence><priority>" + priority + "</priority></presence>");
    c.sync();
    return c;
  }

  @AfterAll
  static void stop() throws Exception {
    for (ImClient c : new ImClient[] {high, high2, low, negative, silent, sender}) {
      c.close();
    }
    node.close();
  }

  /** Sends from {@code sender} and returns what each recipient resource got, in fixed order. */
  private static List<List<XmlElement>> send(String stanza) throws Exception {
    sender.send(stanza);
    sender.sync();
    return List.of(high.sync(), high2.sync(), low.sync(), negative.sync(), silent.sync());
  }

  private static List<Integer> counts(List<List<XmlElement>> received) {
    return received.stream().map(List::size).toList();
  }

  private static XmlElement errorOf(List<XmlElement> senderGot) {
    assertThat(senderGot).hasSize(1);
    return senderGot.get(0).child("error", Namespaces.CLIENT).firstElement();
  }

  @Test
  void chatAndNormalToTheBareJidReachEveryResourceWithTheHighestPriority() throws Exception {
    assertThat(counts(send("<message to='rcpt@localhost' type='chat'><body>1</body></message>")))
        .containsExactly(1, 1, 0, 0, 0);
    assertThat(counts(send("<message to='rcpt@localhost'><body>2</body></message>")))
        .containsExactly(1, 1, 0, 0, 0);
  }

  @Test
  void headlineToTheBareJidReachesEveryResourceWithNonNegativePriority() throws Exception {
    assertThat(
            counts(send("<message to='rcpt@localhost' type='headline'><body>h</body></message>")))
        .containsExactly(1, 1, 1, 0, 0);
  }

  @Test
  void groupchatToAUserIsServiceUnavailable() throws Exception {
    assertThat(
            counts(send("<message to='rcpt@localhost' type='groupchat'><body>g</body></message>")))
        .containsExactly(0, 0, 0, 0, 0);
    sender.send(
        "<message to='rcpt@localhost/gone' type='groupchat' id='gc'><body>g</body></message>");
    assertThat(errorOf(sender.sync()).name()).isEqualTo("service-unavailable");
  }

  @Test
  void errorMessagesToTheBareJidOrAnAbsentResourceAreDropped() throws Exception {
    assertThat(counts(send("<message to='rcpt@localhost' type='error'><body>e</body></message>")))
        .containsExactly(0, 0, 0, 0, 0);
    assertThat(counts(send("<message to='rcpt@localhost/gone' type='error'/>")))
        .containsExactly(0, 0, 0, 0, 0);
    assertThat(sender.sync()).isEmpty();
  }

  @Test
  void aFullJidReachesThatResourceWhateverItsPresence() throws Exception {
    assertThat(counts(send("<message to='rcpt@localhost/negative' type='chat'/>")))
        .containsExactly(0, 0, 0, 1, 0);
    assertThat(counts(send("<message to='rcpt@localhost/silent' type='headline'/>")))
        .containsExactly(0, 0, 0, 0, 1);
  }

  @Test
  void chatAndNormalToAnAbsentResourceAreHandledAsIfSentToTheBareJid() throws Exception {
    assertThat(counts(send("<message to='rcpt@localhost/gone' type='chat'/>")))
        .containsExactly(1, 1, 0, 0, 0);
    assertThat(counts(send("<message to='rcpt@localhost/gone'/>"))).containsExactly(1, 1, 0, 0, 0);
  }

  @Test
  void headlineToAnAbsentResourceIsDropped() throws Exception {
    assertThat(counts(send("<message to='rcpt@localhost/gone' type='headline'/>")))
        .containsExactly(0, 0, 0, 0, 0);
    assertThat(sender.sync()).isEmpty();
  }

  @Test
  void chatToAUserWithOnlyNegativePriorityIsNotDeliveredAndBounces() throws Exception {
    try (ImClient only = ImClient.login(node, "lonely", "neg")) {
      only.send("<presence><priority>-5</priority></presence>");
      only.sync();
      sender.send("<message to='lonely@localhost' type='chat' id='n1'><body>x</body></message>");
      assertThat(errorOf(sender.sync()).name()).isEqualTo("service-unavailable");
      assertThat(only.sync()).isEmpty();
    }
  }

  @Test
  void availabilityPresenceToTheBareJidReachesEveryAvailableResourceEvenWithNegativePriority()
      throws Exception {
    assertThat(counts(send("<presence to='rcpt@localhost'/>"))).containsExactly(1, 1, 1, 1, 0);
    assertThat(counts(send("<presence to='rcpt@localhost' type='unavailable'/>")))
        .containsExactly(1, 1, 1, 1, 0);
  }

  @Test
  void presenceToAnAbsentResourceIsDroppedAndPresenceErrorsReachAFullJid() throws Exception {
    assertThat(counts(send("<presence to='rcpt@localhost/gone'/>"))).containsExactly(0, 0, 0, 0, 0);
    assertThat(counts(send("<presence to='rcpt@localhost/low' type='error'/>")))
        .containsExactly(0, 0, 1, 0, 0);
    assertThat(counts(send("<presence to='rcpt@localhost' type='error'/>")))
        .containsExactly(0, 0, 0, 0, 0);
  }
}
