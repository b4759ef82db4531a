package io.meerkat.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.testing.ImModules;
import io.meerkat.server.testing.TestNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second, independent client library: slixmpp (Python) logs in over STARTTLS with SCRAM, keeps a
 * vCard and private XML on the server and chats with a Smack client. Needs the Debian package
 * {@code python3-slixmpp} ({@code .ci/install-test-tools} installs it); without it the test fails.
 */
class SlixmppEndToEndTest {

  private static final long TIMEOUT_SECONDS = 90;

  @TempDir static Path dataDir;
  static TestNode node;
  static SmackConnections smack;

  @BeforeAll
  static void start() {
    node = TestNode.start(dataDir, ImModules.TOML);
    smack = new SmackConnections(node);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  /** The Debian python, where {@code python3-slixmpp} installs; else whatever is on the path. */
  private static String python() {
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  private static void requireSlixmpp() throws Exception {
    Process check =
        new ProcessBuilder(python(), "-c", "import slixmpp").redirectErrorStream(true).start();
    boolean finished = check.waitFor(30, TimeUnit.SECONDS);
    if (!finished || check.exitValue() != 0) {
      check.destroyForcibly();
      throw new AssertionError(
          "slixmpp is not installed for "
              + python()
              + ": run .ci/install-test-tools (it installs the Debian package python3-slixmpp)");
    }
  }

  private static Path script() throws Exception {
    return Path.of(SlixmppEndToEndTest.class.getResource("/e2e/slixmpp_client.py").toURI());
  }

  @Test
  void slixmppLogsInWithScramOverStarttlsKeepsItsDataAndChatsWithSmack() throws Exception {
    requireSlixmpp();
    node.node().users().register(io.meerkat.xmpp.Jid.bare("slix", "localhost"), "Slix-Pass1");
    XMPPTCPConnection peer = smack.login("smackpeer", "Smack-Pass1", "desk");
    BlockingQueue<Message> inbox = new ArrayBlockingQueue<>(10);
    peer.addAsyncStanzaListener(
        s -> {
          Message m = (Message) s;
          inbox.add(m);
          try {
            peer.sendStanza(
                peer.getStanzaFactory()
                    .buildMessageStanza()
                    .ofType(Message.Type.chat)
                    .to(m.getFrom())
                    .setBody("hello from smack")
                    .build());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        },
        StanzaTypeFilter.MESSAGE);
    List<String> output;
    int exit;
    try {
      Process process =
          new ProcessBuilder(
                  python(),
                  script().toString(),
                  "127.0.0.1",
                  Integer.toString(ImModules.port(node)),
                  "slix@localhost/py",
                  "Slix-Pass1",
                  peer.getUser().toString())
              .redirectErrorStream(true)
              .start();
      process.getOutputStream().close();
      boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!finished) {
        process.destroyForcibly();
      }
      output = lines(process);
      assertThat(finished).as("slixmpp finished within the time limit: %s", output).isTrue();
      exit = process.exitValue();
    } finally {
      peer.disconnect();
    }

    assertThat(output)
        .as("slixmpp output")
        .contains(
            "TLS yes",
            "MECHANISM SCRAM-SHA-256",
            "BOUND slix@localhost/py",
            "VCARD slixy",
            "PRIVATE dark",
            "RECEIVED hello from smack",
            "DONE");
    assertThat(exit).as("exit status, output: %s", output).isZero();

    Message fromSlix = inbox.poll(5, TimeUnit.SECONDS);
    assertThat(fromSlix).isNotNull();
    assertThat(fromSlix.getBody()).isEqualTo("hello from slixmpp");
    assertThat(fromSlix.getFrom().toString()).isEqualTo("slix@localhost/py");

    // What the server kept: the vCard and the private XML as slixmpp sent them.
    assertThat(stored("SELECT vcard FROM vcard WHERE username = 'slix'"))
        .contains("<NICKNAME>slixy</NICKNAME>");
    assertThat(
            stored(
                "SELECT data FROM private_storage WHERE username = 'slix'"
                    + " AND namespace = 'urn:example:slixmpp:prefs'"))
        .contains("<theme>dark</theme>");
  }

  private static String stored(String sql) {
    return node.node().database().jdbc().queryOne(sql, rs -> rs.getString(1)).orElse("");
  }

  private static List<String> lines(Process process) throws IOException {
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      lines.add(line.strip());
    }
    return lines;
  }
}
