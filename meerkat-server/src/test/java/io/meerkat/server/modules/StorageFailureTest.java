package io.meerkat.server.modules;

import static io.meerkat.server.testing.ImModules.condition;
import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.testing.ImModules;
import io.meerkat.server.testing.RawClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xmpp.Jid;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the database is gone, storage requests get an error and the session carries on. */
class StorageFailureTest {

  @TempDir Path dataDir;

  @Test
  void storageRequestsAreAnsweredWithInternalServerErrorWhenTheDatabaseFails() throws Exception {
    try (TestNode node = TestNode.start(dataDir, ImModules.TOML)) {
      node.node().users().register(Jid.bare("unlucky", "localhost"), "Passw0rd-unlucky");
      try (RawClient c =
          RawClient.loggedIn(ImModules.port(node), "unlucky", "Passw0rd-unlucky", "r")) {
        node.node().database().close();
        String[] requests = {
          "<vCard xmlns='vcard-temp'/>",
          "<query xmlns='jabber:iq:private'><p xmlns='urn:example:p'/></query>",
          "<blocklist xmlns='urn:xmpp:blocking'/>"
        };
        for (String payload : requests) {
          c.send("<iq type='get' id='f'>" + payload + "</iq>");
          assertThat(condition(c.next())).as(payload).isEqualTo("internal-server-error");
        }
        c.send("<iq type='get' id='t' to='localhost'><time xmlns='urn:xmpp:time'/></iq>");
        assertThat(c.next().attribute("type")).isEqualTo("result");
      }
    }
  }
}
