package io.meerkat.server.modules.adhoc;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.modules.forms.DataForm;
import io.meerkat.server.testing.RawClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mod_adhoc over real sockets: XEP-0050 flow and errors, XEP-0133 admin commands. */
class AdhocModuleTest {

  private static final String ADD = "http://jabber.org/protocol/admin#add-user";
  private static final String DELETE = "http://jabber.org/protocol/admin#delete-user";
  private static final String PASSWORD = "http://jabber.org/protocol/admin#change-user-password";
  private static final String ONLINE = "http://jabber.org/protocol/admin#get-online-users-num";

  @TempDir static Path dataDir;
  static TestNode node;

  @BeforeAll
  static void start() {
    node =
        TestNode.start(
            dataDir,
            """
            [modules.mod_disco]
            [modules.mod_adhoc]

            [acl]
              admin = [{user = "boss", server = "localhost"}]
            """);
    for (String u : List.of("boss", "alice")) {
      node.node().users().register(Jid.parse(u + "@localhost"), u + "-pw");
    }
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static RawClient login(String user) throws Exception {
    return RawClient.loggedIn(node.optionalTlsPort(), user, user + "-pw", "res");
  }

  private static XmlElement command(RawClient c, String node, String attrs, String body)
      throws Exception {
    c.send(
        "<iq type='set' id='c1' to='localhost'><command xmlns='http://jabber.org/protocol/commands'"
            + " node='"
            + node
            + "' "
            + attrs
            + ">"
            + body
            + "</command></iq>");
    return c.next();
  }

  private static XmlElement execute(RawClient c, String node) throws Exception {
    return command(c, node, "action='execute'", "");
  }

  private static String submit(String... fields) {
    StringBuilder sb =
        new StringBuilder(
            "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE'>"
                + "<value>http://jabber.org/protocol/admin</value></field>");
    for (int i = 0; i < fields.length; i += 2) {
      sb.append("<field var='").append(fields[i]).append("'>");
      for (String v : fields[i + 1].split(",")) {
        sb.append("<value>").append(v).append("</value>");
      }
      sb.append("</field>");
    }
    return sb.append("</x>").toString();
  }

  private static XmlElement complete(RawClient c, String node, String sessionId, String form)
      throws Exception {
    return command(c, node, "action='complete' sessionid='" + sessionId + "'", form);
  }

  private static XmlElement result(XmlElement reply) {
    assertThat(reply.attribute("type")).as(reply.toString()).isEqualTo("result");
    return reply.child("command", Namespaces.ADHOC);
  }

  private static XmlElement error(XmlElement reply, String condition) {
    assertThat(reply.attribute("type")).as(reply.toString()).isEqualTo("error");
    XmlElement error = reply.child("error", Namespaces.CLIENT);
    assertThat(error.child(condition, Namespaces.STANZA_ERRORS)).as(reply.toString()).isNotNull();
    return error;
  }

  private static String note(XmlElement command) {
    return command.childText("note", Namespaces.ADHOC);
  }

  private static List<String> listedNodes(RawClient c) throws Exception {
    c.send(
        "<iq type='get' id='i1' to='localhost'><query"
            + " xmlns='http://jabber.org/protocol/disco#items'"
            + " node='http://jabber.org/protocol/commands'/></iq>");
    return c.next().firstElement().elements().stream().map(e -> e.attribute("node")).toList();
  }

  @Test
  void theCommandListShowsEachRequesterTheCommandsItMayRun() throws Exception {
    try (RawClient boss = login("boss");
        RawClient alice = login("alice")) {
      assertThat(listedNodes(boss)).containsExactly("ping", ADD, DELETE, PASSWORD, ONLINE);
      assertThat(listedNodes(alice)).containsExactly("ping");
    }
  }

  @Test
  void aCommandNodeDescribesItselfInDiscoInfo() throws Exception {
    try (RawClient boss = login("boss")) {
      boss.send(
          "<iq type='get' id='i2' to='localhost'><query"
              + " xmlns='http://jabber.org/protocol/disco#info' node='"
              + ADD
              + "'/></iq>");
      XmlElement query = boss.next().firstElement();
      XmlElement identity = query.child("identity", Namespaces.DISCO_INFO);
      assertThat(identity.attribute("category")).isEqualTo("automation");
      assertThat(identity.attribute("type")).isEqualTo("command-node");
    }
  }

  @Test
  void thePingCommandCompletesAtOnceForAnyone() throws Exception {
    try (RawClient alice = login("alice")) {
      XmlElement command = result(execute(alice, "ping"));
      assertThat(command.attribute("status")).isEqualTo("completed");
      assertThat(command.attribute("sessionid")).isNotBlank();
      assertThat(note(command)).isEqualTo("Pong");
    }
  }

  @Test
  void anAdminAddsAUserThroughTheFormAndTheUserCanLogIn() throws Exception {
    try (RawClient boss = login("boss")) {
      XmlElement first = result(execute(boss, ADD));
      assertThat(first.attribute("status")).isEqualTo("executing");
      assertThat(first.child("actions", Namespaces.ADHOC).attribute("execute"))
          .isEqualTo("complete");
      DataForm form = DataForm.parse(first.child("x", Namespaces.DATA_FORMS));
      assertThat(form.type()).isEqualTo("form");
      assertThat(form.formType()).contains(Namespaces.ADMIN);
      assertThat(form.field("accountjid").orElseThrow().required()).isTrue();
      XmlElement done =
          result(
              complete(
                  boss,
                  ADD,
                  first.attribute("sessionid"),
                  submit(
                      "accountjid", "newbie@localhost",
                      "password", "fresh-pw",
                      "password-verify", "fresh-pw")));
      assertThat(done.attribute("status")).isEqualTo("completed");
      assertThat(done.attribute("sessionid")).isEqualTo(first.attribute("sessionid"));
    }
    RawClient.loggedIn(node.optionalTlsPort(), "newbie", "fresh-pw", "r").close();
  }

  @Test
  void addingAnExistingUserIsAConflictAndMismatchedPasswordsAreNotAcceptable() throws Exception {
    try (RawClient boss = login("boss")) {
      String sid = result(execute(boss, ADD)).attribute("sessionid");
      error(
          complete(
              boss,
              ADD,
              sid,
              submit("accountjid", "alice@localhost", "password", "x", "password-verify", "x")),
          "conflict");
      error(
          complete(
              boss,
              ADD,
              sid,
              submit("accountjid", "zed@localhost", "password", "x", "password-verify", "y")),
          "not-acceptable");
      error(
          complete(
              boss,
              ADD,
              sid,
              submit("accountjid", "zed@example.com", "password", "x", "password-verify", "x")),
          "not-allowed");
      assertThat(node.node().users().exists(Jid.parse("zed@localhost"))).isFalse();
    }
  }

  @Test
  void othersAreForbiddenToRunAdminCommands() throws Exception {
    try (RawClient alice = login("alice")) {
      error(execute(alice, ADD), "forbidden");
      error(execute(alice, ONLINE), "forbidden");
    }
  }

  @Test
  void protocolMistakesGetTheSpecificErrorsOfXep0050() throws Exception {
    try (RawClient boss = login("boss")) {
      error(execute(boss, "no-such-command"), "item-not-found");
      XmlElement malformed = error(command(boss, ADD, "action='dance'", ""), "bad-request");
      assertThat(malformed.child("malformed-action", Namespaces.ADHOC)).isNotNull();
      XmlElement unknownSession =
          error(complete(boss, ADD, "forged", submit("accountjid", "a@localhost")), "bad-request");
      assertThat(unknownSession.child("bad-sessionid", Namespaces.ADHOC)).isNotNull();
      String sid = result(execute(boss, ADD)).attribute("sessionid");
      XmlElement prev =
          error(command(boss, ADD, "action='prev' sessionid='" + sid + "'", ""), "bad-request");
      assertThat(prev.child("bad-action", Namespaces.ADHOC)).isNotNull();
      XmlElement noForm = error(complete(boss, ADD, sid, ""), "bad-request");
      assertThat(noForm.child("bad-payload", Namespaces.ADHOC)).isNotNull();
      boss.send(
          "<iq type='get' id='g' to='localhost'><command xmlns='http://jabber.org/protocol/commands'"
              + " node='ping'/></iq>");
      error(boss.next(), "bad-request");
    }
  }

  @Test
  void aCanceledSessionCannotBeCompleted() throws Exception {
    try (RawClient boss = login("boss")) {
      String sid = result(execute(boss, ADD)).attribute("sessionid");
      XmlElement canceled =
          result(command(boss, ADD, "action='cancel' sessionid='" + sid + "'", ""));
      assertThat(canceled.attribute("status")).isEqualTo("canceled");
      error(
          complete(
              boss,
              ADD,
              sid,
              submit("accountjid", "late@localhost", "password", "x", "password-verify", "x")),
          "bad-request");
    }
  }

  @Test
  void aSessionBelongsToTheResourceThatStartedIt() throws Exception {
    try (RawClient boss = login("boss");
        RawClient other = RawClient.loggedIn(node.optionalTlsPort(), "boss", "boss-pw", "other")) {
      String sid = result(execute(boss, ADD)).attribute("sessionid");
      error(
          complete(
              other,
              ADD,
              sid,
              submit("accountjid", "sneaky@localhost", "password", "x", "password-verify", "x")),
          "bad-request");
    }
  }

  @Test
  void anAdminDeletesUsersAndTheirSessionsAreClosed() throws Exception {
    node.node().users().register(Jid.parse("doomed@localhost"), "doomed-pw");
    try (RawClient boss = login("boss");
        RawClient doomed = login("doomed")) {
      String sid = result(execute(boss, DELETE)).attribute("sessionid");
      XmlElement done =
          result(
              complete(
                  boss, DELETE, sid, submit("accountjids", "doomed@localhost,ghost@localhost")));
      assertThat(note(done))
          .contains("doomed@localhost")
          .contains("No such account: ghost@localhost");
      assertThat(node.node().users().exists(Jid.parse("doomed@localhost"))).isFalse();
      XmlElement last = doomed.readUntilClosed();
      assertThat(last.child("not-authorized", Namespaces.STREAM_ERRORS)).isNotNull();
    }
  }

  @Test
  void anAdminCannotDeleteTheirOwnAccountByCommand() throws Exception {
    try (RawClient boss = login("boss")) {
      String sid = result(execute(boss, DELETE)).attribute("sessionid");
      error(complete(boss, DELETE, sid, submit("accountjids", "boss@localhost")), "not-allowed");
      assertThat(node.node().users().exists(Jid.parse("boss@localhost"))).isTrue();
    }
  }

  @Test
  void anAdminChangesAPassword() throws Exception {
    node.node().users().register(Jid.parse("forgetful@localhost"), "old-pw");
    try (RawClient boss = login("boss")) {
      String sid = result(execute(boss, PASSWORD)).attribute("sessionid");
      result(
          complete(
              boss,
              PASSWORD,
              sid,
              submit("accountjid", "forgetful@localhost", "password", "new-pw")));
      assertThat(node.node().users().checkPassword(Jid.parse("forgetful@localhost"), "new-pw"))
          .isTrue();
      String sid2 = result(execute(boss, PASSWORD)).attribute("sessionid");
      error(
          complete(boss, PASSWORD, sid2, submit("accountjid", "nobody@localhost", "password", "p")),
          "item-not-found");
    }
  }

  @Test
  void theOnlineUserCountCountsUsersNotResources() throws Exception {
    try (RawClient boss = login("boss");
        RawClient alice1 = RawClient.loggedIn(node.optionalTlsPort(), "alice", "alice-pw", "a1");
        RawClient alice2 = RawClient.loggedIn(node.optionalTlsPort(), "alice", "alice-pw", "a2")) {
      XmlElement done = result(execute(boss, ONLINE));
      assertThat(done.attribute("status")).isEqualTo("completed");
      DataForm form = DataForm.parse(done.child("x", Namespaces.DATA_FORMS));
      assertThat(form.type()).isEqualTo("result");
      long expected =
          node.node().sessions().table().listDomain("localhost").stream()
              .map(s -> s.jid().toBare())
              .distinct()
              .count();
      assertThat(form.value("onlineusersnum")).contains(Long.toString(expected));
      assertThat(expected)
          .isGreaterThanOrEqualTo(2)
          .isLessThan(node.node().sessions().table().listDomain("localhost").size());
    }
  }
}
