package io.meerkat.server.config.spec;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The type of one configuration value. Each type knows how to turn a raw TOML value into the
 * validated Java value, reporting problems to {@link ValueContext}.
 */
public sealed interface OptionType {

  /** Human description used in error messages and generated docs, e.g. "a positive integer". */
  String describe();

  /** Free text; {@code allowed} restricts to an enumeration, {@code secret} allows {env = ..}. */
  record Text(Set<String> allowed, boolean secret, Function<String, String> check)
      implements OptionType {
    @Override
    public String describe() {
      return allowed.isEmpty() ? "a string" : "one of " + String.join(", ", sortedQuoted(allowed));
    }
  }

  /** An integer in [min, max]; {@code infinityAs} is the value of the keyword "infinity" if set. */
  record Int(long min, long max, Long infinityAs) implements OptionType {
    @Override
    public String describe() {
      String range =
          max == Long.MAX_VALUE ? "an integer >= " + min : "an integer from " + min + " to " + max;
      return infinityAs == null ? range : range + " or \"infinity\"";
    }
  }

  /** A boolean. */
  record Bool() implements OptionType {
    @Override
    public String describe() {
      return "true or false";
    }
  }

  /** A duration in milliseconds (an integer), yielding {@link java.time.Duration}. */
  record Millis(long min, boolean infinityAllowed) implements OptionType {
    @Override
    public String describe() {
      return "a duration in milliseconds >= " + min + (infinityAllowed ? " or \"infinity\"" : "");
    }
  }

  /** A list of values of one type. */
  record ListOf(OptionType element, boolean nonEmpty) implements OptionType {
    @Override
    public String describe() {
      String what =
          element instanceof Section
              ? "tables"
              : element
                  .describe()
                  .replaceFirst("^an? ", "")
                  .replaceFirst("^one of", "values, one of");
      return (nonEmpty ? "a non-empty list of " : "a list of ") + what;
    }
  }

  /** A nested table with its own options. */
  record Section(ConfigSpec spec) implements OptionType {
    @Override
    public String describe() {
      return "a table";
    }
  }

  /** An array of tables ({@code [[...]]}), each with the same options. */
  record Sections(ConfigSpec spec) implements OptionType {
    @Override
    public String describe() {
      return "an array of tables";
    }
  }

  /** A table whose keys are names chosen by the user, each value of one type. */
  record NamedMap(OptionType value) implements OptionType {
    @Override
    public String describe() {
      return "named entries, each " + value.describe();
    }
  }

  /** A table whose keys select a spec from a registry (modules, HTTP handlers). */
  record Registry(String what, java.util.Map<String, ConfigSpec> specs) implements OptionType {
    @Override
    public String describe() {
      return "a table of " + what;
    }
  }

  /** A key Meerkat recognises but does not support; its presence is an error with a reason. */
  record Unsupported(String reason) implements OptionType {
    @Override
    public String describe() {
      return "not supported";
    }
  }

  /** A string or an integer (access rule values). */
  record TextOrInt() implements OptionType {
    @Override
    public String describe() {
      return "a string or an integer";
    }
  }

  private static List<String> sortedQuoted(Set<String> values) {
    return values.stream().sorted().map(v -> "\"" + v + "\"").toList();
  }
}
