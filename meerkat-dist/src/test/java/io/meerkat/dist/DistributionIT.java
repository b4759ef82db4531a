package io.meerkat.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.testkit.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball as an operator gets it: unpacked into a directory whose path has spaces, run from
 * another directory, with only the ports of the shipped {@code etc/meerkat.toml} changed (to free
 * loopback ports).
 */
class DistributionIT {

  private static final Path TARBALL = Path.of(System.getProperty("meerkat.tarball"));
  private static final String VERSION = System.getProperty("meerkat.version");

  @TempDir Path temp;
  private Path home;
  private Path elsewhere;

  @BeforeEach
  void unpack() throws Exception {
    Path installDir = Files.createDirectories(temp.resolve("opt with spaces"));
    elsewhere = Files.createDirectories(temp.resolve("some other dir"));
    Result untar = run(elsewhere, Map.of(), "tar", "-xzf", TARBALL.toString(), "-C", installDir);
    assertThat(untar.status).as(untar.output).isZero();
    home = installDir.resolve("meerkat-" + VERSION);
  }

  @Test
  void theTarballHasTheLaunchersTheConfigurationAndTheLibraries() throws Exception {
    assertThat(Files.getPosixFilePermissions(home.resolve("bin/meerkat")))
        .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    assertThat(Files.getPosixFilePermissions(home.resolve("bin/meerkatctl")))
        .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    assertThat(home.resolve("bin/find-jdk.sh")).isRegularFile();
    assertThat(Files.readString(home.resolve("etc/meerkat.toml")))
        .isEqualTo(Files.readString(Path.of("..", "etc", "meerkat.toml")));
    try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
      assertThat(jars.map(p -> p.getFileName().toString()))
          .contains("meerkat-server-" + VERSION + ".jar", "meerkat-cli-" + VERSION + ".jar")
          .anyMatch(name -> name.startsWith("netty-tcnative-boringssl-static-"))
          .anyMatch(name -> name.startsWith("postgresql-"))
          .noneMatch(name -> name.startsWith("meerkat-testkit"))
          .noneMatch(name -> name.startsWith("junit"));
    }
    assertThat(home.resolve("var")).doesNotExist();
  }

  @Test
  void startRegisterUserStatusAndStopWorkFromAnotherDirectory() throws Exception {
    int adminPort = FreePorts.next();
    int probePort = FreePorts.next();
    useFreePorts(
        Map.of(
            5222, FreePorts.next(),
            5223, FreePorts.next(),
            5551, adminPort,
            5561, FreePorts.next(),
            9091, probePort));
    try {
      Result start = run(elsewhere, Map.of(), home.resolve("bin/meerkat"), "start");
      assertThat(start.status).as(start.output).isZero();
      assertThat(start.output).contains("Meerkat started (pid ");
      assertThat(home.resolve("var/admin_password")).isRegularFile();
      assertThat(Files.readString(home.resolve("var/log/meerkat.log"))).contains("Meerkat started");

      Result register =
          run(
              elsewhere,
              Map.of(),
              home.resolve("bin/meerkatctl"),
              "account",
              "registerUser",
              "--username",
              "alice",
              "--domain",
              "localhost",
              "--password",
              "secret");
      assertThat(register.status).as(register.output).isZero();
      assertThat(register.output).contains("User alice@localhost successfully registered");

      Result status = run(elsewhere, Map.of(), home.resolve("bin/meerkatctl"), "status");
      assertThat(status.status).as(status.output).isZero();
      assertThat(status.output).contains("RUNNING");

      HttpResponse<String> ready =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + probePort + "/health/ready"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);

      Result again = run(elsewhere, Map.of(), home.resolve("bin/meerkat"), "start");
      assertThat(again.status).isEqualTo(1);
      assertThat(again.output).contains("already running");
    } finally {
      Result stop = run(elsewhere, Map.of(), home.resolve("bin/meerkat"), "stop");
      assertThat(stop.status).as(stop.output).isZero();
      assertThat(stop.output).contains("Meerkat stopped.");
    }
    assertThat(home.resolve("var/meerkat.pid")).doesNotExist();
    assertThat(Files.readString(home.resolve("var/log/meerkat.log"))).contains("Meerkat stopped.");
    Result stopAgain = run(elsewhere, Map.of(), home.resolve("bin/meerkat"), "stop");
    assertThat(stopAgain.status).isEqualTo(1);
    assertThat(stopAgain.output).contains("not running");
  }

  @Test
  void startReportsABadConfigurationAndLeavesNoPidFile() throws Exception {
    Path broken = elsewhere.resolve("broken.toml");
    Files.writeString(broken, "[general]\nloglevel = \"loud\"\n");
    Result start =
        run(
            elsewhere,
            Map.of("MEERKAT_CONFIG", broken.toString()),
            home.resolve("bin/meerkat"),
            "start");
    assertThat(start.status).isEqualTo(1);
    assertThat(start.output)
        .contains("Meerkat did not start (exit status 2)")
        .contains(broken + ":2:1: general.loglevel: expected one of");
    assertThat(home.resolve("var/broken.pid")).doesNotExist();
  }

  @Test
  void theLaunchersNeedOnlyAJavaRuntimeAndWorkThroughSymlinks() throws Exception {
    // A runtime without javac: the test JVM's java and release file, nothing else.
    Path jre = Files.createDirectories(temp.resolve("a jre/bin")).getParent();
    Path realJava = Path.of(System.getProperty("java.home"));
    Files.createSymbolicLink(jre.resolve("bin/java"), realJava.resolve("bin/java"));
    Files.copy(realJava.resolve("release"), jre.resolve("release"));
    Path links = Files.createDirectories(temp.resolve("links dir"));
    Files.createSymbolicLink(links.resolve("meerkat"), home.resolve("bin/meerkat"));
    Files.createSymbolicLink(links.resolve("meerkatctl"), home.resolve("bin/meerkatctl"));
    Map<String, String> env = Map.of("JAVA_HOME", jre.toString(), "PATH", "/usr/bin:/bin");

    Result help = run(elsewhere, env, links.resolve("meerkatctl"), "--help");
    assertThat(help.status).as(help.output).isZero();
    assertThat(help.output).contains("Usage: meerkatctl");

    Path broken = elsewhere.resolve("broken.toml");
    Files.writeString(broken, "[[listen.c2s]]\nport = 99999\n");
    Result foreground =
        run(elsewhere, env, links.resolve("meerkat"), "foreground", "--config", "broken.toml");
    assertThat(foreground.status).as(foreground.output).isEqualTo(2);
    assertThat(foreground.output).contains(broken + ":2:1: listen.c2s[0].port: expected");

    Result usage = run(elsewhere, env, links.resolve("meerkat"), "restart");
    assertThat(usage.status).isEqualTo(2);
    assertThat(usage.output).contains("Usage: bin/meerkat start|stop|foreground|live");
  }

  /**
   * Rewrites the shipped configuration's listener ports, every listener bound to 127.0.0.1 (tests
   * never listen on other interfaces).
   */
  private void useFreePorts(Map<Integer, Integer> ports) throws IOException {
    Path config = home.resolve("etc/meerkat.toml");
    String text = Files.readString(config).replace("  ip_address = \"127.0.0.1\"\n", "");
    for (Map.Entry<Integer, Integer> port : ports.entrySet()) {
      Matcher m = Pattern.compile("(?m)^  port = " + port.getKey() + "$").matcher(text);
      assertThat(m.find()).as("port %s in the shipped configuration", port.getKey()).isTrue();
      text =
          m.replaceFirst(
              Matcher.quoteReplacement(
                  "  port = " + port.getValue() + "\n  ip_address = \"127.0.0.1\""));
    }
    Files.writeString(config, text);
  }

  private record Result(int status, String output) {}

  private static Result run(Path directory, Map<String, String> env, Object... command)
      throws Exception {
    List<String> words = Stream.of(command).map(Object::toString).toList();
    ProcessBuilder builder =
        new ProcessBuilder(words).directory(directory.toFile()).redirectErrorStream(true);
    builder.environment().remove("MEERKAT_CONFIG");
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).as(words + ": " + output).isTrue();
    return new Result(process.exitValue(), output);
  }
}
