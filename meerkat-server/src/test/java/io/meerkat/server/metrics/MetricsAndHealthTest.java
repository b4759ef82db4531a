package io.meerkat.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.testing.ApiNode;
import io.meerkat.server.testing.GraphqlClient;
import io.meerkat.server.testing.RawClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xmpp.Jid;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics endpoint reflects real traffic; the probes reflect the node's state. */
class MetricsAndHealthTest {

  @TempDir static Path dir;
  static TestNode node;
  static GraphqlClient http;

  @BeforeAll
  static void start() {
    node = ApiNode.start(dir);
    http = new GraphqlClient(ApiNode.metricsPort(node), "-", "-");
    node.node().users().register(Jid.parse("mia@localhost"), "mia-Pass-1");
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static HttpResponse<String> get(String path) {
    return http.send(HttpRequest.newBuilder(http.uri(path)).GET().build()).raw();
  }

  private static double value(String metrics, String series) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.Ee+-]+)$").matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  @Test
  void loginsStanzasAndFailedAuthsShowUpInTheMetrics() throws Exception {
    String before = get("/metrics").body();
    try (RawClient mia = RawClient.loggedIn(node.starttlsPort(), "mia", "mia-Pass-1", "m")) {
      mia.send("<message to='mia@localhost/m' type='chat'><body>self</body></message>");
      mia.next();
      try (RawClient bad = new RawClient(node.starttlsPort())) {
        bad.openStream("localhost");
        bad.startTls();
        bad.openStream("localhost");
        assertThat(bad.authPlain("mia", "wrong").name()).isEqualTo("failure");
      }
      String after = get("/metrics").body();
      assertThat(value(after, "sm_session_logins_total"))
          .isEqualTo(value(before, "sm_session_logins_total") + 1);
      assertThat(value(after, "sm_node_sessions_count")).isGreaterThanOrEqualTo(1);
      assertThat(value(after, "xmpp_element_in_total{connection_type=\"c2s\",kind=\"message\"}"))
          .isGreaterThanOrEqualTo(1);
      assertThat(value(after, "xmpp_element_out_total{connection_type=\"c2s\",kind=\"message\"}"))
          .isGreaterThanOrEqualTo(1);
      assertThat(after).contains("c2s_auth_failed_total{reason=\"not-authorized\"} 1.0");
    }
    Awaitility.await()
        .atMost(10, TimeUnit.SECONDS)
        .until(() -> value(get("/metrics").body(), "sm_session_logouts_total") >= 1);
  }

  @Test
  void bouncedMessagesAreCounted() throws Exception {
    node.node().users().register(Jid.parse("away@localhost"), "away-Pass-1");
    double before = value(get("/metrics").body(), "sm_message_bounced_total");
    try (RawClient mia = RawClient.loggedIn(node.starttlsPort(), "mia", "mia-Pass-1", "b")) {
      mia.send("<message to='away@localhost' type='chat'><body>anyone?</body></message>");
      assertThat(mia.next().attribute("type")).isEqualTo("error");
    }
    assertThat(value(get("/metrics").body(), "sm_message_bounced_total")).isEqualTo(before + 1);
  }

  @Test
  void jvmNettyAndPoolMetricsAreExported() {
    HttpResponse<String> r = get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type"))
        .hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(r.body())
        .contains("jvm_memory_used_bytes")
        .contains("netty_direct_memory_used_bytes")
        .contains("hikaricp_connections_active{pool=\"rdbms-default\"}")
        .contains("process_uptime_seconds");
  }

  @Test
  void liveAndReadyAnswer200WhenTheNodeRunsAnd503WhenACheckFails() {
    assertThat(get("/health/live").statusCode()).isEqualTo(200);
    HttpResponse<String> ready = get("/health/ready");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"database\":\"ok\"", "\"listeners\":\"ok\"");
    node.node().readiness().add("cluster", () -> Optional.of("not joined yet"));
    try {
      HttpResponse<String> notReady = get("/health/ready");
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(notReady.body()).contains("\"status\":\"DOWN\"", "\"cluster\":\"not joined yet\"");
    } finally {
      node.node().readiness().remove("cluster");
    }
    assertThat(get("/health/other").statusCode()).isEqualTo(404);
  }
}
