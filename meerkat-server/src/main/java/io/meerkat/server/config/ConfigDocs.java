package io.meerkat.server.config;

import io.meerkat.server.config.spec.ConfigSpec;
import io.meerkat.server.config.spec.ConfigValues;
import io.meerkat.server.config.spec.Option;
import io.meerkat.server.config.spec.OptionType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders the configuration reference ({@code docs/configuration.md}) from the option specs, so the
 * documentation lists exactly the options the loader accepts.
 */
public final class ConfigDocs {
  private ConfigDocs() {}

  /** The whole reference page for the given module specs. */
  public static String render(
      Map<String, ConfigSpec> modules, Map<String, ConfigSpec> httpHandlers) {
    StringBuilder out = new StringBuilder();
    out.append("# Configuration reference\n\n")
        .append(
            "<!-- Generated from the option specs by ConfigDocsTest; do not edit by hand. -->\n\n")
        .append(
            "Meerkat reads one TOML file, `etc/meerkat.toml` by default (`./meerkat live --config FILE`")
        .append(
            " for another). Sections follow MongooseIM's model. Unknown sections or options, wrong")
        .append(
            " types and bad values stop the start with a message naming the file, line and option.\n\n")
        .append("- Durations are integers in milliseconds.\n")
        .append(
            "- Options marked *secret* also accept `{env = \"VARIABLE\"}` to read an environment")
        .append(" variable; an unset or empty variable is a configuration error.\n")
        .append(
            "- Relative paths are resolved against the install directory (the checkout when run")
        .append(" with `./meerkat`).\n")
        .append("- `[[...]]` sections are arrays: repeat them for several listeners.\n\n");
    section(out, "", CoreConfigSpec.root(Map.of(), Map.of()));
    out.append(
        "## HTTP handlers\n\nEach `[[listen.http]]` listener serves the handlers listed as"
            + " `[[listen.http.handlers.<type>]]` sections.\n\n");
    httpHandlers.forEach((type, spec) -> section(out, "[listen.http.handlers." + type + "]", spec));
    out.append("## Modules\n\nEach module is enabled by its own section `[modules.<name>]`.\n\n");
    modules.forEach((name, spec) -> section(out, "modules." + name, spec));
    return out.toString();
  }

  private static void section(StringBuilder out, String path, ConfigSpec spec) {
    section(out, "`[" + (path.isEmpty() ? "top level" : path) + "]`", path, spec);
  }

  private static void section(StringBuilder out, String heading, String path, ConfigSpec spec) {
    List<Option> leaves =
        spec.options().stream()
            .filter(
                o ->
                    !(o.type() instanceof OptionType.Section)
                        && !(o.type() instanceof OptionType.Sections))
            .filter(o -> !(o.type() instanceof OptionType.Registry))
            .toList();
    out.append("## ").append(heading).append("\n\n");
    if (!leaves.isEmpty()) {
      out.append("| Option | Type | Default | Description |\n|---|---|---|---|\n");
      for (Option o : leaves) {
        out.append("| `")
            .append(o.name())
            .append("` | ")
            .append(escape(o.type().describe()))
            .append(secret(o))
            .append(" | ")
            .append(o.required() ? "required" : defaultText(o.defaultValue()))
            .append(" | ")
            .append(escape(o.description()))
            .append(" |\n");
      }
      out.append('\n');
    }
    for (Option o : spec.options()) {
      String child =
          (path.isEmpty() ? "" : path.replace("[", "").replace("]", "") + ".") + o.name();
      switch (o.type()) {
        case OptionType.Section s -> section(out, child, s.spec());
        case OptionType.Sections s -> section(out, "[" + child + "]", s.spec());
        case OptionType.NamedMap m when m.value() instanceof OptionType.Section s ->
            section(out, child + ".<name>", s.spec());
        case OptionType.NamedMap m
            when m.value() instanceof OptionType.ListOf l
                && l.element() instanceof OptionType.Section s ->
            section(out, "`[" + child + "]`: each `<name> = [{...}, ...]` entry", child, s.spec());
        default -> {}
      }
    }
  }

  private static String secret(Option o) {
    return o.type() instanceof OptionType.Text t && t.secret() ? ", *secret*" : "";
  }

  private static String defaultText(Object value) {
    if (value == null) {
      return "none";
    }
    return "`" + escape(toml(value)) + "`";
  }

  private static String toml(Object value) {
    return switch (value) {
      case String s -> "\"" + s + "\"";
      case Duration d -> Long.toString(d.toMillis());
      case Long l -> l == Long.MAX_VALUE ? "\"infinity\"" : l.toString();
      case List<?> list ->
          list.stream().map(ConfigDocs::toml).collect(Collectors.joining(", ", "[", "]"));
      case ConfigValues v ->
          v.values().entrySet().stream()
              .map(e -> e.getKey() + " = " + toml(e.getValue()))
              .collect(Collectors.joining(", ", "{", "}"));
      default -> String.valueOf(value);
    };
  }

  private static String escape(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
