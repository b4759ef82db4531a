package io.meerkat.cli;

import io.meerkat.cli.Schema.Arg;
import io.meerkat.cli.Schema.Command;
import java.io.PrintStream;
import java.util.Map;

/** Usage texts; the category and command lists come from the node's schema. */
final class Help {

  private Help() {}

  static void global(PrintStream out, Schema schema) {
    out.println("Usage: meerkatctl [OPTIONS] <category> <command> [--arg value ...]");
    out.println("       meerkatctl [OPTIONS] status | started [--timeout S] | stop");
    out.println("       meerkatctl [OPTIONS] graphql 'DOCUMENT' ['VARIABLES-JSON']");
    out.println();
    out.println("Runs commands of the admin GraphQL API of a running Meerkat node.");
    out.println("Options (defaults come from the node's configuration file):");
    out.println(
        "  --config FILE      configuration to read the admin listener from (etc/meerkat.toml;");
    out.println("                     env MEERKAT_CONFIG)");
    out.println("  --url URL          admin endpoint (env MEERKAT_ADMIN_URL)");
    out.println("  --user NAME        admin user (env MEERKAT_ADMIN_USER)");
    out.println("  --password SECRET  admin password (env MEERKAT_ADMIN_PASSWORD)");
    out.println();
    out.println("Node commands:");
    out.println("  status             the node's status; exit 1 when it does not run");
    out.println("  started            wait until the node runs (default at most 60 s)");
    out.println("  stop               stop the node");
    if (schema == null) {
      return;
    }
    out.println();
    out.println("Categories (meerkatctl <category> lists its commands):");
    for (String category : schema.categories().keySet()) {
      String description = schema.categoryDescription(category);
      out.printf("  %-18s %s%n", category, description == null ? "" : description);
    }
  }

  static void category(PrintStream out, Schema schema, String category) {
    out.println("Usage: meerkatctl " + category + " <command> [--arg value ...]");
    out.println();
    out.println("Commands (meerkatctl " + category + " <command> --help for the arguments):");
    for (Map.Entry<String, Command> e : schema.categories().get(category).entrySet()) {
      String description = e.getValue().field().description();
      String kind = e.getValue().operation().equals("subscription") ? " (streams)" : "";
      out.printf("  %-22s %s%s%n", e.getKey(), description == null ? "" : description, kind);
    }
  }

  static void command(PrintStream out, Command command) {
    StringBuilder usage =
        new StringBuilder("Usage: meerkatctl " + command.category() + " " + command.field().name());
    for (Arg arg : command.field().args()) {
      String option = "--" + arg.name() + " " + arg.type().namedType();
      usage.append(' ').append(arg.type().required() ? option : "[" + option + "]");
    }
    out.println(usage);
    if (command.field().description() != null) {
      out.println();
      out.println(command.field().description());
    }
    if (command.field().args().isEmpty()) {
      return;
    }
    out.println();
    out.println("Arguments (lists and objects as JSON):");
    for (Arg arg : command.field().args()) {
      String description = arg.description() == null ? "" : arg.description();
      out.printf(
          "  --%-18s %s%s%s%n",
          arg.name(),
          arg.type().graphql(),
          arg.type().required() ? ", required" : "",
          description.isEmpty() ? "" : "  " + description);
    }
  }
}
