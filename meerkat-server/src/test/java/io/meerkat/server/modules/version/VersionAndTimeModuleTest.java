package io.meerkat.server.modules.version;

import static io.meerkat.server.testing.ImModules.condition;
import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.testing.ImModules;
import io.meerkat.server.testing.RawClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XEP-0092 and XEP-0202 over real connections. */
class VersionAndTimeModuleTest {

  @TempDir static Path dataDir;
  static TestNode node;

  @BeforeAll
  static void start() {
    node = TestNode.start(dataDir, ImModules.TOML);
    node.node().users().register(Jid.bare("clock", "localhost"), "Passw0rd-clock");
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void theServerTellsItsNameAndVersionButNotItsOperatingSystem() throws Exception {
    try (RawClient c = RawClient.loggedIn(ImModules.port(node), "clock", "Passw0rd-clock", "r")) {
      c.send("<iq type='get' id='v' to='localhost'><query xmlns='jabber:iq:version'/></iq>");
      XmlElement query = c.next().firstElement();
      assertThat(query.childText("name", Namespaces.VERSION)).isEqualTo("Meerkat");
      assertThat(query.childText("version", Namespaces.VERSION)).isNotBlank();
      assertThat(query.child("os", Namespaces.VERSION)).isNull();
      c.send("<iq type='set' id='v2' to='localhost'><query xmlns='jabber:iq:version'/></iq>");
      assertThat(condition(c.next())).isEqualTo("bad-request");
    }
  }

  @Test
  void theServerTellsItsTimeInUtcWithItsZoneOffset() throws Exception {
    try (RawClient c = RawClient.loggedIn(ImModules.port(node), "clock", "Passw0rd-clock", "r")) {
      c.send("<iq type='get' id='t' to='localhost'><time xmlns='urn:xmpp:time'/></iq>");
      XmlElement time = c.next().firstElement();
      Instant utc = Instant.parse(time.childText("utc", Namespaces.TIME));
      assertThat(Duration.between(utc, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
      assertThat(ZoneOffset.of(time.childText("tzo", Namespaces.TIME))).isNotNull();
    }
  }
}
