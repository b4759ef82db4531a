package io.meerkat.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.testing.RawClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./meerkat live} launcher, run as a user would run it (on the packaged server). */
class MeerkatLiveIT {

  private static final Path SCRIPT = Path.of("..", "meerkat").toAbsolutePath().normalize();

  @TempDir Path dir;

  private Process launch(Path config, List<String> output) throws IOException {
    // A build started in the background (CI, nohup) ignores SIGINT, and a JVM keeps a SIGINT it
    // inherited as ignored; reset it so the node gets Ctrl-C as from a terminal.
    ProcessBuilder builder =
        new ProcessBuilder(
                "env",
                "--default-signal=INT",
                SCRIPT.toString(),
                "live",
                "--config",
                config.toString())
            .redirectErrorStream(true);
    builder.environment().put("MEERKAT_SKIP_BUILD", "1");
    Process process = builder.start();
    Thread.ofVirtual()
        .start(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  output.add(line);
                }
              } catch (IOException ignored) {
                // the process ended
              }
            });
    return process;
  }

  /** The threads of the launched JVM (the launcher or its child), for a failure message. */
  private static String threadDump(Process process) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    StringBuilder dump = new StringBuilder();
    List<ProcessHandle> jvms = new ArrayList<>(process.descendants().toList());
    jvms.add(process.toHandle());
    for (ProcessHandle jvm : jvms) {
      try {
        Process p =
            new ProcessBuilder(jcmd.toString(), Long.toString(jvm.pid()), "Thread.print")
                .redirectErrorStream(true)
                .start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(20, TimeUnit.SECONDS);
        dump.append("pid ").append(jvm.pid()).append(":\n").append(text);
      } catch (IOException e) {
        dump.append("pid ").append(jvm.pid()).append(": ").append(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return dump.toString();
      }
    }
    return dump.toString();
  }

  @Test
  void liveRunsANodeThatServesClientsAndStopsCleanlyOnCtrlC() throws Exception {
    Path config = dir.resolve("meerkat.toml");
    Files.writeString(
        config,
        """
        [general]
          hosts = ["localhost"]
          data_dir = "%s"
        [[listen.c2s]]
          port = 0
          ip_address = "127.0.0.1"
        [modules.mod_register]
        """
            .formatted(dir.resolve("data").toString().replace("\\", "/")));
    List<String> output = new CopyOnWriteArrayList<>();
    Process process = launch(config, output);
    try {
      Awaitility.await()
          .atMost(60, TimeUnit.SECONDS)
          .until(() -> output.stream().anyMatch(l -> l.startsWith("Meerkat started")));
      Matcher ports =
          Pattern.compile("client ports \\[(\\d+)]")
              .matcher(
                  output.stream()
                      .filter(l -> l.startsWith("Meerkat started"))
                      .findFirst()
                      .orElseThrow());
      assertThat(ports.find()).isTrue();
      int port = Integer.parseInt(ports.group(1));

      try (RawClient c = new RawClient(port)) {
        c.openStream("localhost");
        c.startTls();
        c.openStream("localhost");
        assertThat(c.register("quickstart", "Quick-Start-1").attribute("type")).isEqualTo("result");
        assertThat(c.authPlain("quickstart", "Quick-Start-1").name()).isEqualTo("success");
      }

      new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
      assertThat(process.waitFor(30, TimeUnit.SECONDS))
          .withFailMessage(
              () ->
                  "no exit within 30 s of SIGINT; output:\n"
                      + String.join("\n", output)
                      + "\nthreads:\n"
                      + threadDump(process))
          .isTrue();
      assertThat(output).contains("Meerkat stopped.");
      assertThat(process.exitValue()).isEqualTo(130);
      assertThat(dir.resolve("data/certs/meerkat.crt")).exists();
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void aBadConfigurationStopsTheStartWithFileLineAndOption() throws Exception {
    Path config = dir.resolve("broken.toml");
    Files.writeString(config, "[general]\nloglevel = \"loud\"\n\n[[listen.c2s]]\nport = 99999\n");
    List<String> output = new CopyOnWriteArrayList<>();
    Process process = launch(config, output);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    Awaitility.await().until(() -> output.size() >= 3);
    assertThat(String.join("\n", output))
        .contains(config + ":2:1: general.loglevel: expected one of")
        .contains(
            config + ":5:1: listen.c2s[0].port: expected an integer from 0 to 65535, got 99999");
  }
}
