package io.meerkat.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.hooks.HookResult;
import io.meerkat.server.testing.ImClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.server.util.NonBlocking;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages are handled on the event loop that read them when nothing in their handling blocks, and
 * again in the session's mailbox when something does: either way each recipient gets each message
 * once, in the order it was sent.
 */
class MessagesHandledOnTheEventLoopTest {

  @TempDir static Path dataDir;
  static TestNode node;
  static ImClient sender;
  static ImClient first;
  static ImClient second;
  static final AtomicInteger SECOND_LOOKUPS = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.start(dataDir);
    for (String user : new String[] {"sender", "rcpt"}) {
      node.node().users().register(Jid.parse(user + "@localhost"), user + "-pw");
    }
    // A receive hook that needs a blocking lookup for one resource only, like a cache miss.
    node.node()
        .hooks()
        .userReceivePacket
        .add(
            50,
            "test-lookup",
            (stanza, delivery) -> {
              if (stanza != null
                  && "message".equals(stanza.name())
                  && "second".equals(delivery.session().jid().resource())) {
                SECOND_LOOKUPS.incrementAndGet();
                NonBlocking.check("a test lookup");
              }
              return HookResult.next(stanza);
            });
    sender = ImClient.login(node, "sender", "s");
    first = available("first");
    second = available("second");
  }

  private static ImClient available(String resource) throws Exception {
    ImClient c = ImClient.login(node, "rcpt", resource);
    c.send("<presence/>");
    c.sync();
    return c;
  }

  @AfterAll
  static void stop() throws Exception {
    for (ImClient c : new ImClient[] {sender, first, second}) {
      c.close();
    }
    node.close();
  }

  @Test
  void aMessageWhoseDeliveryWouldBlockIsHandledAgainOffTheLoopAndArrivesOnceAtEachResource()
      throws Exception {
    int lookupsBefore = SECOND_LOOKUPS.get();

    sender.send("<message to='rcpt@localhost' type='chat' id='m1'><body>hi</body></message>");
    sender.sync();

    assertThat(bodies(first.sync())).containsExactly("hi");
    assertThat(bodies(second.sync())).containsExactly("hi");
    // Once on the event loop, stopped before anything was sent; once in the mailbox, delivered.
    assertThat(SECOND_LOOKUPS.get() - lookupsBefore).isEqualTo(2);
  }

  @Test
  void aBurstFromOneSenderArrivesCompleteAndInOrder() throws Exception {
    int count = 300;
    StringBuilder burst = new StringBuilder();
    for (int i = 0; i < count; i++) {
      burst.append("<message to='").append(first.jid()).append("' type='chat'><body>");
      burst.append(i).append("</body></message>");
    }
    sender.send(burst.toString());
    sender.sync();

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      expected.add(String.valueOf(i));
    }
    assertThat(bodies(first.sync())).containsExactlyElementsOf(expected);
  }

  private static List<String> bodies(List<XmlElement> stanzas) {
    return stanzas.stream()
        .filter(s -> s.name().equals("message"))
        .map(s -> s.childText("body", Namespaces.CLIENT))
        .toList();
  }
}
