package io.meerkat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.bench.load.BenchOptions;
import io.meerkat.bench.load.PhaseResult;
import io.meerkat.bench.report.Report;
import io.meerkat.server.MeerkatNode;
import io.meerkat.server.config.ConfigLoader;
import io.meerkat.server.config.MeerkatConfig;
import io.meerkat.server.module.ModuleCatalog;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs tiny scenarios against a whole Meerkat node in this JVM (STARTTLS required, SCRAM-SHA-1,
 * random port) and checks the generator's counts against what really happened.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(60)
class LoadGeneratorIT {

  private static final int USERS = 20;

  @TempDir static Path dataDir;
  private static MeerkatNode node;

  @BeforeAll
  static void startNode() throws Exception {
    String toml =
        """
        [general]
          hosts = ["localhost"]
          data_dir = "%s"
          loglevel = "warning"

        [[listen.c2s]]
          port = 0
          ip_address = "127.0.0.1"
          tls.mode = "starttls_required"

        [[listen.c2s]]
          port = 0
          ip_address = "127.0.0.1"
          tls.mode = "starttls"

        [auth]
          password.hash = ["sha"]
          password.scram_iterations = 64

        [modules.mod_register]
        """
            .formatted(dataDir.toString());
    ModuleCatalog catalog = ModuleCatalog.standard();
    MeerkatConfig config =
        new ConfigLoader(catalog.specs(), Map.of(), k -> null, dataDir)
            .parse(dataDir.resolve("bench.toml"), toml);
    node = MeerkatNode.start(config, catalog);
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  private static Report run(String... args) throws Exception {
    List<String> all =
        new java.util.ArrayList<>(
            List.of(
                "--port", Integer.toString(node.c2sPorts().get(0)),
                "--users", Integer.toString(USERS),
                "--concurrency", "5",
                "--sources", "127.0.0.1",
                "--threads", "2",
                "--max-seconds", "40",
                "--label", "meerkat"));
    all.addAll(List.of(args));
    return new Coordinator(new BenchOptions(all)).run();
  }

  private static Map<String, PhaseResult> byName(Report r) {
    return r.phases().stream().collect(Collectors.toMap(PhaseResult::name, p -> p));
  }

  @Test
  @Order(1)
  void registrationCreatesEveryAccountInBand() throws Exception {
    PhaseResult register = byName(run("--scenario", "register")).get("register");

    assertThat(register.counters()).containsEntry("ok", (long) USERS).containsEntry("failed", 0L);
    assertThat(register.counters()).containsEntry("existing", 0L);
    assertThat(register.histograms().get("latency").getTotalCount()).isEqualTo(USERS);
  }

  @Test
  @Order(2)
  void loginStormLogsInRepeatedlyWithoutFailures() throws Exception {
    Map<String, PhaseResult> phases = byName(run("--scenario", "login", "--duration", "1"));

    assertThat(phases.get("login-warmup").counters()).containsEntry("ok", (long) USERS);
    PhaseResult storm = phases.get("login-storm");
    assertThat(storm.counters().get("failed")).isZero();
    assertThat(storm.counters().get("ok")).isPositive();
    assertThat(storm.rate()).isPositive();
  }

  @Test
  @Order(3)
  void chatDeliversEveryMessageItSendsAndMeasuresLatency(@TempDir Path out) throws Exception {
    Path json = out.resolve("chat.json");
    Path figures = out.resolve("chat.txt");
    Report report =
        run("--scenario", "chat", "--duration", "1", "--fractions", "0.5", "--window", "2");
    report.writeFiles(json.toString(), figures.toString());
    Map<String, PhaseResult> phases = byName(report);

    assertThat(phases.get("chat-login").counters()).containsEntry("ok", (long) USERS);
    PhaseResult sat = phases.get("chat-saturation");
    assertThat(sat.counters().get("delivered")).isPositive();
    assertThat(sat.counters().get("lost")).isZero();
    PhaseResult half = phases.get("chat-at-50pct");
    assertThat(half.counters().get("sent")).isPositive();
    assertThat(half.counters().get("arrived")).isEqualTo(half.counters().get("sent"));
    assertThat(half.histograms().get("latency").getTotalCount())
        .isEqualTo(half.counters().get("arrived"));
    assertThat(Files.readString(json)).contains("\"chat-at-50pct\"").contains("\"p99\":");
    assertThat(Files.readString(figures)).contains("chat-saturation.per_s=");
  }

  @Test
  @Order(4)
  void plainTcpLoginsWorkWhereTheServerDoesNotRequireTls() throws Exception {
    List<String> args =
        List.of(
            "--port", Integer.toString(node.c2sPorts().get(1)),
            "--tls", "plain",
            "--users", Integer.toString(USERS),
            "--concurrency", "5",
            "--sources", "127.0.0.1",
            "--max-seconds", "30",
            "--scenario", "login",
            "--duration", "1");
    Map<String, PhaseResult> phases = byName(new Coordinator(new BenchOptions(args)).run());

    assertThat(phases.get("login-warmup").counters())
        .containsEntry("ok", (long) USERS)
        .containsEntry("failed", 0L);
  }

  @Test
  @Order(5)
  void idleSessionsAreAllUpAtTheBarrierAndHeldToTheEnd() throws Exception {
    Map<String, PhaseResult> phases =
        byName(run("--scenario", "idle", "--hold", "1", "--rate", "50"));

    assertThat(phases.get("idle-login").counters()).containsEntry("ok", (long) USERS);
    assertThat(phases.get("idle-hold").counters())
        .containsEntry("sessions", (long) USERS)
        .containsEntry("held", (long) USERS);
  }

  @Test
  @Order(6)
  void crossNodeChatDeliversEveryMessageBetweenAccountsOnTheTwoPorts() throws Exception {
    // Both listeners belong to one node here: the test is about the generator's split, the
    // cluster's forwarding has its own tests in meerkat-server.
    Map<String, PhaseResult> phases =
        byName(
            run(
                "--scenario", "crossnode",
                "--peer-port", Integer.toString(node.c2sPorts().get(1)),
                "--duration", "1",
                "--fractions", "0.5",
                "--window", "2"));

    assertThat(phases.get("chat-login").counters())
        .containsEntry("ok", (long) USERS)
        .containsEntry("failed", 0L);
    assertThat(phases.get("chat-saturation").counters().get("delivered")).isPositive();
    assertThat(phases.get("chat-saturation").counters().get("lost")).isZero();
    PhaseResult half = phases.get("chat-at-50pct");
    assertThat(half.counters().get("sent")).isPositive();
    assertThat(half.counters().get("arrived")).isEqualTo(half.counters().get("sent"));
  }

  @Test
  @Order(7)
  void crossNodeChatConnectsTheSecondAccountOfEachPairToThePeerPort() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    Map<String, PhaseResult> phases =
        byName(
            run(
                "--scenario", "crossnode",
                "--peer-port", Integer.toString(closedPort),
                "--duration", "1",
                "--timeout", "5000"));

    // Nothing listens on the peer port: exactly the second account of every pair fails.
    assertThat(phases.get("chat-login").counters())
        .containsEntry("ok", (long) USERS / 2)
        .containsEntry("failed", (long) USERS / 2);
  }
}
