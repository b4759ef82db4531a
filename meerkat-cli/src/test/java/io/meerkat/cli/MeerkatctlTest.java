package io.meerkat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.testkit.FreePorts;
import io.meerkat.xmpp.Jid;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** meerkatctl against a running node, in-process: arguments, output, exit codes. */
class MeerkatctlTest {

  @TempDir static Path home;
  static CliNode node;

  @BeforeAll
  static void start() throws Exception {
    node = new CliNode(home);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  record Run(int exit, String out, String err) {}

  private static Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        new Meerkatctl(
                env::get,
                home,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(args);
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Run run(String... args) {
    return run(Map.of(), args);
  }

  @Test
  void theGeneratedAdminPasswordFileIsPrivateAndUsedByTheCli() throws Exception {
    Path file = home.resolve("var/admin_password");
    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(run("status").exit()).isZero();
  }

  @Test
  void registerUserAsInTheDocumentationPrintsTheResultAsPrettyJson() {
    Run r =
        run(
            "account",
            "registerUser",
            "--username",
            "alice",
            "--domain",
            "localhost",
            "--password",
            "secret");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
            {
              "data" : {
                "account" : {
                  "registerUser" : {
                    "jid" : "alice@localhost",
                    "message" : "User alice@localhost successfully registered"
                  }
                }
              }
            }
            """);
    assertThat(node.node.users().checkPassword(Jid.parse("alice@localhost"), "secret")).isTrue();
    Run again =
        run(
            "account",
            "registerUser",
            "--username",
            "alice",
            "--domain",
            "localhost",
            "--password",
            "secret");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.out()).contains("\"errors\"", "user_exists");
  }

  @Test
  void withoutArgumentsItListsTheCategoriesOfTheRunningNode() {
    Run r = run();
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("account", "session", "stanza", "stat", "server", "status");
  }

  @Test
  void aCategoryListsItsCommandsAndHelpShowsTheArguments() {
    Run category = run("account");
    assertThat(category.out()).contains("registerUser", "listUsers", "banUser", "checkUser");
    Run help = run("account", "registerUser", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out())
        .contains(
            "Usage: meerkatctl account registerUser --domain DomainName [--username UserName]")
        .contains("--password           String!, required");
  }

  @Test
  void domainAdministratorPasswordsAreSetAndDeletedFromTheCommandLine() {
    Run set = run("domain", "setDomainPassword", "--domain", "localhost", "--password", "Dom-1");
    assertThat(set.exit()).isZero();
    assertThat(set.out()).contains("Domain password set");
    assertThat(
            node.node
                .database()
                .jdbc()
                .queryOne(
                    "SELECT pass_details FROM domain_admins WHERE domain = ?",
                    row -> row.getString(1),
                    "localhost"))
        .hasValueSatisfying(
            v -> assertThat(v).startsWith("==MULTI_SCRAM==").doesNotContain("Dom-1"));
    assertThat(run("domain", "deleteDomainPassword", "--domain", "localhost").exit()).isZero();
    Run again = run("domain", "deleteDomainPassword", "--domain", "localhost");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.out()).contains("not_found");
  }

  @Test
  void aMissingRequiredArgumentIsAUsageError() {
    Run r = run("account", "registerUser", "--username", "bob", "--domain", "localhost");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("missing required argument --password");
  }

  @Test
  void intArgumentsAreParsedAndCheckedBeforeSending() {
    node.node.users().register(Jid.parse("ivan@localhost"), "ivan-Pass-1");
    Run notANumber = run("session", "getUserResource", "--user", "ivan@localhost", "--number", "x");
    assertThat(notANumber.exit()).isEqualTo(2);
    assertThat(notANumber.err()).contains("--number expects an integer, got 'x'");
    Run noSession = run("session", "getUserResource", "--user", "ivan@localhost", "--number", "1");
    assertThat(noSession.exit()).isEqualTo(1);
    assertThat(noSession.out()).contains("wrong_resource_number");
  }

  @Test
  void unknownCategoriesCommandsAndArgumentsAreUsageErrors() {
    assertThat(run("nothing").exit()).isEqualTo(2);
    assertThat(run("account", "nothing").exit()).isEqualTo(2);
    Run r = run("account", "checkUser", "--user", "a@localhost", "--colour", "red");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("has no argument --colour");
  }

  @Test
  void enumArgumentsAndQueriesWithNestedResultsWork() {
    Run set = run("server", "setLoglevel", "--level", "INFO");
    assertThat(set.exit()).isZero();
    Run get = run("server", "getLoglevel");
    assertThat(get.out()).contains("\"getLoglevel\" : \"INFO\"");
    run("server", "setLoglevel", "--level", "WARNING");
    Run stats = run("stat", "globalStats");
    assertThat(stats.out()).contains("\"uptimeSeconds\"", "\"registeredUsers\"");
  }

  @Test
  void rosterCommandsComeFromTheNodesSchemaWithNoChangeToTheCli() {
    node.node.users().register(Jid.parse("olga@localhost"), "olga-Pass-1");
    node.node.users().register(Jid.parse("petr@localhost"), "petr-Pass-1");
    assertThat(run("roster").out()).contains("setMutualSubscription", "listContacts");
    Run connect =
        run(
            "roster",
            "setMutualSubscription",
            "--userA",
            "olga@localhost",
            "--userB",
            "petr@localhost",
            "--action",
            "CONNECT");
    assertThat(connect.exit()).as(connect.err()).isZero();
    assertThat(connect.out()).contains("Mutual subscription set successfully");
    Run added =
        run(
            "roster",
            "addContacts",
            "--user",
            "olga@localhost",
            "--contacts",
            "[{\"jid\": \"quinn@localhost\", \"groups\": [\"new\"]}]");
    assertThat(added.exit()).as(added.err()).isZero();
    Run list = run("roster", "listContacts", "--user", "olga@localhost");
    assertThat(list.out())
        .contains("\"jid\" : \"petr@localhost\"", "\"subscription\" : \"BOTH\"")
        .contains("\"jid\" : \"quinn@localhost\"", "\"new\"");
    Run badAction =
        run(
            "roster",
            "setMutualSubscription",
            "--userA",
            "olga@localhost",
            "--userB",
            "petr@localhost",
            "--action",
            "MARRY");
    assertThat(badAction.exit()).isNotZero();
  }

  @Test
  void structuredVcardsAreSetFromJsonAndPrintedWithTheirUnionMembers() {
    node.node.users().register(Jid.parse("vera@localhost"), "vera-Pass-1");
    Run set =
        run(
            "vcard",
            "setVcard",
            "--user",
            "vera@localhost",
            "--vcard",
            "{\"formattedName\": \"Vera\", \"photo\": [{\"extValue\": \"https://x/v.png\"}],"
                + " \"telephone\": [{\"tags\": [\"CELL\"], \"number\": \"+1\"}]}");
    assertThat(set.exit()).as(set.err() + set.out()).isZero();
    Run get = run("vcard", "getVcard", "--user", "vera@localhost");
    assertThat(get.exit()).as(get.err() + get.out()).isZero();
    assertThat(get.out())
        .contains("\"formattedName\" : \"Vera\"", "\"__typename\" : \"External\"")
        .contains("\"extValue\" : \"https://x/v.png\"", "\"CELL\"");
  }

  @Test
  void wrongCredentialsAndAnUnreachableNodeHaveTheirOwnExitCodes() {
    Run wrong = run("--password", "guess", "status");
    assertThat(wrong.exit()).isEqualTo(1);
    assertThat(wrong.out()).contains("Authentication failed");
    Map<String, String> env = new HashMap<>();
    env.put("MEERKAT_ADMIN_URL", "http://127.0.0.1:" + FreePorts.next() + "/api/graphql");
    Run down = run(env, "status");
    assertThat(down.exit()).isEqualTo(3);
    assertThat(down.err()).contains("is the node running?");
  }

  @Test
  void startedReturnsOnceTheNodeRunsAndTimesOutOtherwise() {
    assertThat(run("started", "--timeout", "5").out()).contains("Meerkat is running");
    Run never =
        run(
            Map.of("MEERKAT_ADMIN_URL", "http://127.0.0.1:" + FreePorts.next() + "/api/graphql"),
            "started",
            "--timeout",
            "1");
    assertThat(never.exit()).isEqualTo(1);
    assertThat(never.err()).contains("did not start within 1 s");
  }

  @Test
  void rawGraphqlRunsADocumentWithVariables() {
    Run r =
        run(
            "graphql",
            "query($d: DomainName!) { account { countUsers(domain: $d) } }",
            "{\"d\": \"localhost\"}");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("\"countUsers\"");
  }

  @Test
  void stopAsksTheNodeToStop() throws Exception {
    try (CliNode other = new CliNode(home.resolve("other"))) {
      String password = Files.readString(other.home.resolve("var/admin_password")).strip();
      Run r = run("--config", other.config.toString(), "--password", password, "stop");
      assertThat(r.exit()).as(r.err()).isZero();
      other.node.stopRequested().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void helpWorksWithoutARunningNode() {
    Map<String, String> env =
        Map.of("MEERKAT_ADMIN_URL", "http://127.0.0.1:" + FreePorts.next() + "/api/graphql");
    Run help = run(env, "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("Usage: meerkatctl", "status", "started", "stop");
    assertThat(help.err()).contains("the categories come from the running node");
    assertThat(run(env).exit()).isEqualTo(3);
  }
}
