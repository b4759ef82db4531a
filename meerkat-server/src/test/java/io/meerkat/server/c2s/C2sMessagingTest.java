package io.meerkat.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Routing between sessions on one node (RFC 6120 §10, RFC 6121 §8). */
class C2sMessagingTest {

  @TempDir static Path dataDir;
  static TestNode node;

  @BeforeAll
  static void start() {
    node = TestNode.start(dataDir);
    for (String user : new String[] {"romeo", "juliet", "nurse"}) {
      node.node().users().register(Jid.parse(user + "@localhost"), user + "-pw");
    }
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static RawClient login(String user, String resource) throws Exception {
    return RawClient.loggedIn(node.starttlsPort(), user, user + "-pw", resource);
  }

  @Test
  void aMessageToAFullJidArrivesWithTheSenderStampedByTheServer() throws Exception {
    try (RawClient romeo = login("romeo", "orchard");
        RawClient juliet = login("juliet", "balcony")) {
      romeo.send(
          "<message to='juliet@localhost/balcony' from='mallory@evil.example' type='chat'"
              + " id='m1'><body>Hello</body></message>");
      XmlElement error = romeo.next();
      assertThat(error.child("invalid-from", Namespaces.STREAM_ERRORS))
          .as(error.toString())
          .isNotNull();

      try (RawClient romeo2 = login("romeo", "garden")) {
        romeo2.send(
            "<message to='juliet@localhost/balcony' type='chat' id='m2'><body>Hi</body></message>");
        XmlElement received = juliet.next();
        assertThat(received.attribute("from")).isEqualTo("romeo@localhost/garden");
        assertThat(received.childText("body", Namespaces.CLIENT)).isEqualTo("Hi");
      }
    }
  }

  @Test
  void bareJidMessagesGoToTheHighestPriorityAvailableResources() throws Exception {
    try (RawClient low = login("nurse", "low");
        RawClient high = login("nurse", "high");
        RawClient away = login("nurse", "silent");
        RawClient romeo = login("romeo", "sender")) {
      low.send("<presence><priority>1</priority></presence>");
      high.send("<presence><priority>5</priority></presence>");
      // "silent" never sends presence: it is not available and gets nothing sent to the bare JID.
      romeo.send("<iq type='get' id='sync'><ping xmlns='urn:xmpp:ping'/></iq>");
      romeo.next();
      high.send("<iq type='get' id='sync'><ping xmlns='urn:xmpp:ping'/></iq>");
      high.next();
      romeo.send("<message to='nurse@localhost' type='chat'><body>to the highest</body></message>");
      assertThat(high.next().childText("body", Namespaces.CLIENT)).isEqualTo("to the highest");
      high.send("<presence><priority>-1</priority></presence>");
      low.send("<iq type='get' id='sync2'><ping xmlns='urn:xmpp:ping'/></iq>");
      low.next();
      romeo.send("<message to='nurse@localhost' type='chat'><body>now low</body></message>");
      assertThat(low.next().childText("body", Namespaces.CLIENT)).isEqualTo("now low");
    }
  }

  @Test
  void anIqToAnUnknownFullJidIsServiceUnavailable() throws Exception {
    try (RawClient romeo = login("romeo", "iq")) {
      romeo.send(
          "<iq type='get' id='v1' to='juliet@localhost/nowhere'><query xmlns='jabber:iq:version'/></iq>");
      XmlElement reply = romeo.next();
      assertThat(reply.attribute("type")).isEqualTo("error");
      assertThat(reply.attribute("id")).isEqualTo("v1");
      assertThat(reply.attribute("from")).isEqualTo("juliet@localhost/nowhere");
      assertThat(
              reply
                  .child("error", Namespaces.CLIENT)
                  .child("service-unavailable", Namespaces.STANZA_ERRORS))
          .isNotNull();
    }
  }

  @Test
  void iqsBetweenResourcesAreDeliveredAndAnswered() throws Exception {
    try (RawClient romeo = login("romeo", "asker");
        RawClient juliet = login("juliet", "answerer")) {
      romeo.send(
          "<iq type='get' id='q7' to='juliet@localhost/answerer'><query xmlns='jabber:iq:version'/></iq>");
      XmlElement request = juliet.next();
      assertThat(request.attribute("from")).isEqualTo("romeo@localhost/asker");
      juliet.send(
          "<iq type='result' id='q7' to='romeo@localhost/asker'><query xmlns='jabber:iq:version'>"
              + "<name>test</name></query></iq>");
      XmlElement answer = romeo.next();
      assertThat(answer.attribute("type")).isEqualTo("result");
      assertThat(answer.attribute("from")).isEqualTo("juliet@localhost/answerer");
    }
  }

  @Test
  void remoteDomainsAreNotReachable() throws Exception {
    try (RawClient romeo = login("romeo", "remote")) {
      romeo.send("<message to='someone@remote.example' id='r1'><body>x</body></message>");
      XmlElement error = romeo.next();
      assertThat(
              error
                  .child("error", Namespaces.CLIENT)
                  .child("remote-server-not-found", Namespaces.STANZA_ERRORS))
          .isNotNull();
    }
  }

  @Test
  void aMalformedToIsJidMalformed() throws Exception {
    try (RawClient romeo = login("romeo", "malformed")) {
      romeo.send("<message to='@@bad' id='b1'><body>x</body></message>");
      XmlElement error = romeo.next();
      assertThat(
              error
                  .child("error", Namespaces.CLIENT)
                  .child("jid-malformed", Namespaces.STANZA_ERRORS))
          .isNotNull();
    }
  }

  @Test
  void aMessageToAnUnknownUserIsServiceUnavailable() throws Exception {
    try (RawClient romeo = login("romeo", "ghost")) {
      romeo.send("<message to='ghost@localhost' id='g1' type='chat'><body>x</body></message>");
      XmlElement error = romeo.next();
      assertThat(error.attribute("type")).isEqualTo("error");
      assertThat(
              error
                  .child("error", Namespaces.CLIENT)
                  .child("service-unavailable", Namespaces.STANZA_ERRORS))
          .isNotNull();
    }
  }

  @Test
  void aNewSessionWithTheSameResourceReplacesTheOldOne() throws Exception {
    try (RawClient first = login("juliet", "phone");
        RawClient second = login("juliet", "phone")) {
      XmlElement error = first.next();
      assertThat(error.child("conflict", Namespaces.STREAM_ERRORS))
          .as(error.toString())
          .isNotNull();
      assertThat(first.closedByServer()).isTrue();
      second.send("<iq type='get' id='p'><ping xmlns='urn:xmpp:ping'/></iq>");
      assertThat(second.next().attribute("id")).isEqualTo("p");
    }
  }

  @Test
  void aCleanStreamCloseIsAnsweredAndTheSessionRemoved() throws Exception {
    RawClient c = login("romeo", "closing");
    c.send("</stream:stream>");
    c.readUntilClosed();
    assertThat(c.streamClosed()).isTrue();
    c.close();
    org.awaitility.Awaitility.await()
        .until(
            () -> node.node().sessions().session(Jid.parse("romeo@localhost/closing")).isEmpty());
  }
}
