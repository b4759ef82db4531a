package io.meerkat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meerkat.xmpp.Jid;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented operator commands, run as typed: {@code ./meerkatctl} (the script at the
 * repository root, on the packaged jar) registers alice, then the curl loop sends messages as alice
 * through the user API. Only the port and the loop bound differ from the documentation.
 */
class SeedCommandsIT {

  private static final Path SCRIPT = Path.of("..", "meerkatctl").toAbsolutePath().normalize();

  @TempDir Path home;

  private static Process run(ProcessBuilder builder, CliNode node) throws Exception {
    builder.environment().put("MEERKAT_SKIP_BUILD", "1");
    builder.environment().put("MEERKAT_CONFIG", node.config.toString());
    builder.environment().put("LB_HOST", "127.0.0.1");
    builder.environment().put("PORT", Integer.toString(node.userPort));
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    return builder.start();
  }

  private static String output(Process process) throws Exception {
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }

  @Test
  void cetsSystemInfoAndTableInfoReportTheCluster() throws Exception {
    try (CliNode node = new CliNode(home, true)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> assertThat(node.node.readiness().evaluate()).containsEntry("cluster", "ok"));
      Process info = run(new ProcessBuilder("bash", "-c", SCRIPT + " cets systemInfo"), node);
      String out = output(info);
      assertThat(info.exitValue()).as(out).isZero();
      assertThat(out).contains("\"joinedNodes\" : [ \"cli@localhost\" ]");
      assertThat(out).contains("\"discoveryWorks\" : true");
      Process tables = run(new ProcessBuilder("bash", "-c", SCRIPT + " cets tableInfo"), node);
      String tableOut = output(tables);
      assertThat(tables.exitValue()).as(tableOut).isZero();
      assertThat(tableOut).contains("\"tableName\" : \"cets_session\"");
    }
  }

  @Test
  void registerUserWithMeerkatctlThenSendMessagesWithTheCurlLoop() throws Exception {
    try (CliNode node = new CliNode(home)) {
      ProcessBuilder register =
          new ProcessBuilder(
              "bash",
              "-c",
              SCRIPT
                  + " account registerUser --username alice --domain localhost --password secret");
      Process p = run(register, node);
      String out = output(p);
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).contains("\"message\" : \"User alice@localhost successfully registered\"");
      assertThat(node.node.users().checkPassword(Jid.parse("alice@localhost"), "secret")).isTrue();

      String loop =
          """
          BASIC_AUTH=$(echo -n 'alice@localhost:secret' | base64)
          for i in 1 2 3; \\
          do curl --get -N -H "Authorization:Basic $BASIC_AUTH" \\
          -H "Content-Type: application/json" --data-urlencode \\
          'query=mutation {stanza {sendMessage(to: "alice@localhost", body: "Hi") {id}}}' \\
          http://$LB_HOST:$PORT/api/graphql; \\
          echo; \\
          done
          """;
      Process curl = run(new ProcessBuilder("bash", "-c", loop), node);
      String responses = output(curl);
      assertThat(curl.exitValue()).isZero();
      assertThat(
              responses
                  .lines()
                  .filter(l -> l.startsWith("{\"data\":{\"stanza\":{\"sendMessage\":{\"id\":")))
          .as(responses)
          .hasSize(3);
    }
  }
}
