package io.meerkat.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meerkat.cli.Schema.Arg;
import io.meerkat.cli.Schema.Command;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One command with its {@code --arg value} options turned into a GraphQL document and variables.
 * Values are typed by the schema: Int and Float are numbers, Boolean is true/false, lists and input
 * objects are JSON, everything else is a string.
 */
record Invocation(String document, Map<String, Object> variables) {

  /** A command line that does not fit the command; the message says what is wrong. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  static Invocation of(Schema schema, Command command, List<String> options, ObjectMapper json)
      throws UsageException {
    Map<String, Arg> args = new LinkedHashMap<>();
    command.field().args().forEach(a -> args.put(a.name(), a));
    Map<String, Object> variables = new LinkedHashMap<>();
    int i = 0;
    while (i < options.size()) {
      String option = options.get(i++);
      if (!option.startsWith("--") || option.length() == 2) {
        throw new UsageException("unexpected argument '" + option + "'");
      }
      String name = option.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i < options.size()) {
        value = options.get(i++);
      } else {
        throw new UsageException("--" + name + " needs a value");
      }
      Arg arg = args.get(name);
      if (arg == null) {
        throw new UsageException(
            command.category() + " " + command.field().name() + " has no argument --" + name);
      }
      if (variables.containsKey(name)) {
        throw new UsageException("--" + name + " is given twice");
      }
      variables.put(name, value(schema, arg, value, json));
    }
    for (Arg arg : args.values()) {
      if (arg.type().required()
          && arg.defaultValue() == null
          && !variables.containsKey(arg.name())) {
        throw new UsageException("missing required argument --" + arg.name());
      }
    }
    return new Invocation(document(schema, command, variables), variables);
  }

  private static Object value(Schema schema, Arg arg, String text, ObjectMapper json)
      throws UsageException {
    String named = arg.type().namedType();
    Schema.Type type = schema.type(named);
    boolean structured =
        arg.type().isList() || (type != null && type.kind().equals("INPUT_OBJECT"));
    try {
      if (structured) {
        return json.readValue(text, Object.class);
      }
      return switch (named) {
        case "Int" -> Long.parseLong(text.strip());
        case "Float" -> Double.parseDouble(text.strip());
        case "Boolean" -> {
          if (!text.equals("true") && !text.equals("false")) {
            throw new UsageException(
                "--" + arg.name() + " expects true or false, got '" + text + "'");
          }
          yield Boolean.parseBoolean(text);
        }
        default -> text;
      };
    } catch (NumberFormatException e) {
      throw new UsageException(
          "--"
              + arg.name()
              + " expects "
              + (named.equals("Int") ? "an integer" : "a number")
              + ", got '"
              + text
              + "'");
    } catch (JsonProcessingException e) {
      throw new UsageException(
          "--"
              + arg.name()
              + " expects JSON ("
              + arg.type().graphql()
              + "): "
              + e.getOriginalMessage());
    }
  }

  private static String document(Schema schema, Command command, Map<String, Object> variables) {
    StringJoiner declarations = new StringJoiner(", ", "(", ")").setEmptyValue("");
    StringJoiner arguments = new StringJoiner(", ", "(", ")").setEmptyValue("");
    for (Arg arg : command.field().args()) {
      if (variables.containsKey(arg.name())) {
        declarations.add("$" + arg.name() + ": " + arg.type().graphql());
        arguments.add(arg.name() + ": $" + arg.name());
      }
    }
    return command.operation()
        + declarations
        + " { "
        + command.category()
        + " { "
        + command.field().name()
        + arguments
        + schema.selection(command.field().type(), 3)
        + " } }";
  }
}
