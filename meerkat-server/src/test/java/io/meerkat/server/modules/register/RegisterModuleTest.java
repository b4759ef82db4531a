package io.meerkat.server.modules.register;

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

/** XEP-0077 over real connections. */
class RegisterModuleTest {

  @TempDir static Path dataDir;
  static TestNode node;

  @BeforeAll
  static void start() {
    node = TestNode.start(dataDir, "  password_strength = 32\n");
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static RawClient tlsStream() throws Exception {
    RawClient c = new RawClient(node.starttlsPort());
    c.openStream("localhost");
    c.startTls();
    c.openStream("localhost");
    return c;
  }

  private static XmlElement condition(XmlElement errorReply) {
    return errorReply.child("error", Namespaces.CLIENT).firstElement();
  }

  @Test
  void theFormAsksForUsernameAndPassword() throws Exception {
    try (RawClient c = tlsStream()) {
      c.send("<iq type='get' id='f'><query xmlns='jabber:iq:register'/></iq>");
      XmlElement form = c.next().firstElement();
      assertThat(form.child("username", Namespaces.REGISTER)).isNotNull();
      assertThat(form.child("password", Namespaces.REGISTER)).isNotNull();
      assertThat(form.childText("instructions", Namespaces.REGISTER)).isNotBlank();
    }
  }

  @Test
  void aNewAccountCanLogInAndATakenNameIsAConflict() throws Exception {
    try (RawClient c = tlsStream()) {
      assertThat(c.register("newbie", "Str0ng-Passw0rd!").attribute("type")).isEqualTo("result");
      XmlElement again = c.register("newbie", "Str0ng-Passw0rd!");
      assertThat(condition(again).name()).isEqualTo("conflict");
    }
    assertThat(node.node().users().checkPassword(Jid.parse("newbie@localhost"), "Str0ng-Passw0rd!"))
        .isTrue();
  }

  @Test
  void weakPasswordsAndMissingFieldsAreNotAcceptable() throws Exception {
    try (RawClient c = tlsStream()) {
      assertThat(condition(c.register("weakling", "abc")).name()).isEqualTo("not-acceptable");
      c.send(
          "<iq type='set' id='r'><query xmlns='jabber:iq:register'><username>x</username></query></iq>");
      assertThat(condition(c.next()).name()).isEqualTo("not-acceptable");
      assertThat(condition(c.register("bad@name", "Str0ng-Passw0rd!")).name())
          .isEqualTo("jid-malformed");
    }
  }

  @Test
  void aLoggedInUserChangesItsPasswordAndRemovesItsAccount() throws Exception {
    node.node().users().register(Jid.parse("leaver@localhost"), "Old-Passw0rd!");
    try (RawClient c = RawClient.loggedIn(node.starttlsPort(), "leaver", "Old-Passw0rd!", "r")) {
      c.send(
          "<iq type='set' id='chg'><query xmlns='jabber:iq:register'><username>leaver</username>"
              + "<password>New-Passw0rd!</password></query></iq>");
      assertThat(c.next().attribute("type")).isEqualTo("result");
      assertThat(node.node().users().checkPassword(Jid.parse("leaver@localhost"), "New-Passw0rd!"))
          .isTrue();

      c.send("<iq type='set' id='rm'><query xmlns='jabber:iq:register'><remove/></query></iq>");
      XmlElement removed = c.next();
      assertThat(removed.attribute("id")).isEqualTo("rm");
      assertThat(removed.attribute("type")).isEqualTo("result");
      XmlElement error = c.next();
      assertThat(error.child("not-authorized", Namespaces.STREAM_ERRORS))
          .as(error.toString())
          .isNotNull();
    }
    assertThat(node.node().users().exists(Jid.parse("leaver@localhost"))).isFalse();
  }

  @Test
  void removalBeforeLoginIsNotAllowed() throws Exception {
    try (RawClient c = tlsStream()) {
      c.send("<iq type='set' id='x'><query xmlns='jabber:iq:register'><remove/></query></iq>");
      assertThat(condition(c.next()).name()).isEqualTo("not-authorized");
    }
  }

  @Test
  void addressesOutsideIpAccessCannotRegister(@TempDir Path otherDir) throws Exception {
    try (TestNode strict =
        TestNode.start(
            otherDir, "  ip_access = [{address = \"127.0.0.0/8\", policy = \"deny\"}]\n")) {
      RawClient c = new RawClient(strict.starttlsPort());
      c.openStream("localhost");
      c.startTls();
      XmlElement features = c.openStream("localhost");
      assertThat(features.child("register", Namespaces.REGISTER_FEATURE)).isNull();
      assertThat(condition(c.register("outsider", "Str0ng-Passw0rd!")).name())
          .isEqualTo("not-allowed");
      c.close();
    }
  }
}
