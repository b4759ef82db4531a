package io.meerkat.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.testing.ApiNode;
import io.meerkat.server.testing.GraphqlClient;
import io.meerkat.server.testing.RawClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xmpp.Jid;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code subscribeForMessages} over Server-Sent Events receives what XMPP clients send. */
class SseSubscriptionTest {

  @TempDir static Path dir;
  static TestNode node;

  @BeforeAll
  static void start() {
    node = ApiNode.start(dir);
    node.node().users().register(Jid.parse("alice@localhost"), "alice-Pass-1");
    node.node().users().register(Jid.parse("bob@localhost"), "bob-Pass-1");
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  /** Opens an SSE stream and collects its lines on a virtual thread. */
  private static BlockingQueue<String> subscribe(GraphqlClient client, String query)
      throws Exception {
    String uri = "/api/graphql/sse?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    HttpResponse<Stream<String>> response =
        client
            .http()
            .send(
                client.request(uri).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread.ofVirtual().start(() -> response.body().forEach(lines::add));
    return lines;
  }

  private static String nextData(BlockingQueue<String> lines) throws InterruptedException {
    while (true) {
      String line = lines.poll(10, TimeUnit.SECONDS);
      assertThat(line).as("an SSE line within 10 s").isNotNull();
      if (line.startsWith("data: ")) {
        return line.substring(6);
      }
    }
  }

  private static void awaitSubscribed(BlockingQueue<String> lines) throws InterruptedException {
    assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo(": subscribed");
  }

  @Test
  void aUserSubscriptionReceivesAMessageSentOverXmpp() throws Exception {
    GraphqlClient alice = ApiNode.user(node, "alice@localhost", "alice-Pass-1");
    BlockingQueue<String> lines =
        subscribe(
            alice, "subscription { stanza { subscribeForMessages { sender stanza_id stanza } } }");
    awaitSubscribed(lines);
    try (RawClient bob = RawClient.loggedIn(node.starttlsPort(), "bob", "bob-Pass-1", "phone")) {
      bob.send(
          "<message to='alice@localhost' type='chat' id='m1'><body>Hello over SSE</body></message>");
      String data = nextData(lines);
      assertThat(data)
          .contains("\"sender\":\"bob@localhost/phone\"")
          .contains("\"stanza_id\":\"m1\"")
          .contains("Hello over SSE");
    }
  }

  @Test
  void anAdminSubscriptionFollowsTheCallersMessagesAndEndsWithTheConnection() throws Exception {
    GraphqlClient admin = ApiNode.admin(node);
    BlockingQueue<String> lines =
        subscribe(
            admin,
            "subscription { stanza { subscribeForMessages(caller: \"bob@localhost\") { sender"
                + " stanza } } }");
    awaitSubscribed(lines);
    assertThat(node.node().sessions().sessions(Jid.parse("bob@localhost"))).hasSize(1);
    admin.query(
        "mutation { stanza { sendMessage(from: \"alice@localhost\", to: \"bob@localhost\","
            + " body: \"Via the API\") { id } } }");
    assertThat(nextData(lines)).contains("Via the API").contains("alice@localhost");
    node.node().sessions().kick(Jid.parse("bob@localhost"), null);
    Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> lines.contains("event: complete"));
    assertThat(node.node().sessions().sessions(Jid.parse("bob@localhost"))).isEmpty();
  }

  @Test
  void aSubscriptionForAnUnknownUserIsAnErrorEvent() throws Exception {
    BlockingQueue<String> lines =
        subscribe(
            ApiNode.admin(node),
            "subscription { stanza { subscribeForMessages(caller: \"ghost@localhost\") { sender"
                + " } } }");
    String data = nextData(lines);
    assertThat(data).contains("user_does_not_exist");
  }
}
