package io.meerkat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.meerkat.cli.Schema.Command;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code meerkatctl}: the admin GraphQL API from the shell. {@code meerkatctl <category> <command>
 * --arg value ...} runs one command of the running node's admin schema (discovered by
 * introspection, so new categories appear without changing the CLI) and prints the JSON response.
 *
 * <p>Exit status: 0 success, 1 the command answered errors (or the node is not running, for {@code
 * status}), 2 bad command line, 3 the node cannot be reached or the connection settings are
 * incomplete.
 */
public final class Meerkatctl {

  static final int OK = 0;
  static final int ERRORS = 1;
  static final int USAGE = 2;
  static final int UNREACHABLE = 3;

  private static final List<String> GLOBAL_OPTIONS = List.of("config", "url", "user", "password");

  private final Function<String, String> env;
  private final Path home;
  private final PrintStream out;
  private final PrintStream err;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  Meerkatctl(Function<String, String> env, Path home, PrintStream out, PrintStream err) {
    this.env = env;
    this.home = home;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    Path home = Path.of(System.getProperty("meerkat.home", "."));
    System.exit(new Meerkatctl(System::getenv, home, System.out, System.err).run(args));
  }

  int run(String[] args) {
    Map<String, String> options = new HashMap<>();
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    while (!rest.isEmpty() && rest.get(0).startsWith("--")) {
      String name = rest.get(0).substring(2);
      if (name.equals("help")) {
        rest.set(0, "help");
        break;
      }
      if (!GLOBAL_OPTIONS.contains(name) || rest.size() < 2) {
        err.println("meerkatctl: unknown option or missing value: --" + name);
        Help.global(err, null);
        return USAGE;
      }
      options.put(name, rest.get(1));
      rest.subList(0, 2).clear();
    }
    String first = rest.isEmpty() ? "help" : rest.get(0);
    boolean askedForHelp = !rest.isEmpty() && (first.equals("help") || first.equals("-h"));
    List<String> tail = rest.isEmpty() ? List.of() : rest.subList(1, rest.size());
    Connection connection;
    try {
      connection = Connection.resolve(options, env, home);
    } catch (Connection.SettingsException e) {
      if (first.equals("help") || first.equals("-h")) {
        Help.global(out, null);
      }
      err.println("meerkatctl: " + e.getMessage());
      return askedForHelp ? OK : UNREACHABLE;
    }
    AdminClient client = new AdminClient(connection, json);
    NodeCommands node = new NodeCommands(client, out, err, json);
    try {
      return switch (first) {
        case "status" -> node.status();
        case "started" -> node.started(tail);
        case "stop" -> node.stop();
        case "graphql" -> node.graphql(tail);
        case "help", "-h" -> help(client, askedForHelp);
        default -> category(client, first, tail);
      };
    } catch (AdminClient.UnreachableException e) {
      err.println("meerkatctl: " + e.getMessage() + "; is the node running?");
      return UNREACHABLE;
    }
  }

  private Schema schema(AdminClient client) throws AdminClient.UnreachableException {
    JsonNode response = client.execute(Schema.INTROSPECTION, Map.of());
    if (response.has("errors")) {
      throw new AdminClient.UnreachableException(
          "the admin API refused the schema request: "
              + response.path("errors").path(0).path("message").asText(),
          null);
    }
    return new Schema(response.path("data").path("__schema"));
  }

  /** Usage with the node's categories; without them when the node cannot be reached. */
  private int help(AdminClient client, boolean askedForHelp) {
    try {
      Help.global(out, schema(client));
      return OK;
    } catch (AdminClient.UnreachableException e) {
      Help.global(out, null);
      err.println("meerkatctl: the categories come from the running node: " + e.getMessage());
      return askedForHelp ? OK : UNREACHABLE;
    }
  }

  private int category(AdminClient client, String name, List<String> tail)
      throws AdminClient.UnreachableException {
    Schema schema = schema(client);
    Map<String, Command> commands = schema.categories().get(name);
    if (commands == null) {
      err.println("meerkatctl: unknown category or command '" + name + "'");
      Help.global(err, schema);
      return USAGE;
    }
    if (tail.isEmpty() || tail.get(0).equals("--help") || tail.get(0).equals("-h")) {
      Help.category(out, schema, name);
      return OK;
    }
    Command command = commands.get(tail.get(0));
    if (command == null) {
      err.println("meerkatctl: category " + name + " has no command '" + tail.get(0) + "'");
      Help.category(err, schema, name);
      return USAGE;
    }
    List<String> arguments = tail.subList(1, tail.size());
    if (arguments.contains("--help") || arguments.contains("-h")) {
      Help.command(out, command);
      return OK;
    }
    Invocation invocation;
    try {
      invocation = Invocation.of(schema, command, arguments, json);
    } catch (Invocation.UsageException e) {
      err.println("meerkatctl: " + e.getMessage());
      Help.command(err, command);
      return USAGE;
    }
    if (command.operation().equals("subscription")) {
      boolean[] failed = {false};
      client.subscribe(
          invocation.document(),
          invocation.variables(),
          event -> {
            failed[0] |= event.has("errors");
            print(event);
          });
      return failed[0] ? ERRORS : OK;
    }
    JsonNode response = client.execute(invocation.document(), invocation.variables());
    print(response);
    return response.has("errors") ? ERRORS : OK;
  }

  private void print(JsonNode node) {
    try {
      out.println(json.writeValueAsString(node));
      out.flush();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      out.println(node);
    }
  }
}
