package io.meerkat.server.config.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Validates TOML tables against {@link ConfigSpec}s. Every problem is recorded (not just the first)
 * as {@code file:line:column: option.path: message}; the result is only meaningful when no error
 * was recorded.
 */
public final class SpecValidator {

  private final String file;
  private final Function<String, String> environment;
  private final List<String> errors = new ArrayList<>();

  /**
   * @param file the file name shown in messages
   * @param environment looks up environment variables for secrets given as {@code {env = ..}}
   */
  public SpecValidator(String file, Function<String, String> environment) {
    this.file = file;
    this.environment = environment;
  }

  public List<String> errors() {
    return List.copyOf(errors);
  }

  /** Records an error found outside the spec walk (cross-option checks). */
  public void error(TomlPosition position, String path, String message) {
    String where = position == null ? file : file + ":" + position.line() + ":" + position.column();
    errors.add(where + ": " + path + ": " + message);
  }

  /** Validates {@code table} (the TOML table at {@code path}) against {@code spec}. */
  public ConfigValues validate(TomlTable table, ConfigSpec spec, String path, TomlPosition at) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String key : table.keySet()) {
      if (spec.option(key) == null) {
        error(
            table.inputPositionOf(key), join(path, key), "unknown option" + suggestion(spec, key));
      }
    }
    for (Option option : spec.options()) {
      String optionPath = join(path, option.name());
      if (!table.contains(option.name())) {
        if (option.required()) {
          error(at, optionPath, "is required (" + option.type().describe() + ")");
        } else if (option.defaultValue() != null) {
          values.put(option.name(), option.defaultValue());
        } else if (option.type() instanceof OptionType.Section nested) {
          values.put(option.name(), validate(emptyTable(), nested.spec(), optionPath, at));
        }
        continue;
      }
      Object raw = table.get(option.name());
      Object converted =
          convert(raw, option.type(), optionPath, table.inputPositionOf(option.name()));
      if (converted != null) {
        values.put(option.name(), converted);
      }
    }
    return new ConfigValues(values);
  }

  private Object convert(Object raw, OptionType type, String path, TomlPosition pos) {
    return switch (type) {
      case OptionType.Text t -> text(raw, t, path, pos);
      case OptionType.Int i -> integer(raw, i, path, pos);
      case OptionType.Bool b -> raw instanceof Boolean ? raw : wrongType(b, raw, path, pos);
      case OptionType.Millis m -> millis(raw, m, path, pos);
      case OptionType.ListOf l -> list(raw, l, path, pos);
      case OptionType.Section s ->
          raw instanceof TomlTable t
              ? validate(t, s.spec(), path, pos)
              : wrongType(s, raw, path, pos);
      case OptionType.Sections s -> sections(raw, s, path, pos);
      case OptionType.NamedMap m -> namedMap(raw, m, path, pos);
      case OptionType.Registry r -> registry(raw, r, path, pos);
      case OptionType.Unsupported u -> {
        error(pos, path, u.reason());
        yield null;
      }
      case OptionType.TextOrInt t ->
          raw instanceof String || raw instanceof Long ? raw : wrongType(t, raw, path, pos);
    };
  }

  private Object text(Object raw, OptionType.Text type, String path, TomlPosition pos) {
    String value;
    if (raw instanceof TomlTable table && type.secret()) {
      value = fromEnvironment(table, path, pos);
      if (value == null) {
        return null;
      }
    } else if (raw instanceof String s) {
      value = s;
    } else {
      return wrongType(type, raw, path, pos);
    }
    if (!type.allowed().isEmpty() && !type.allowed().contains(value)) {
      error(pos, path, "expected " + type.describe() + ", got \"" + value + "\"");
      return null;
    }
    String problem = type.check().apply(value);
    if (problem != null) {
      error(pos, path, problem);
      return null;
    }
    return value;
  }

  private String fromEnvironment(TomlTable table, String path, TomlPosition pos) {
    if (table.size() != 1 || !(table.get("env") instanceof String variable)) {
      error(pos, path, "a secret is a string or {env = \"VARIABLE\"}");
      return null;
    }
    String value = environment.apply(variable);
    if (value == null || value.isEmpty()) {
      error(pos, path, "environment variable " + variable + " is not set");
      return null;
    }
    return value;
  }

  private Object integer(Object raw, OptionType.Int type, String path, TomlPosition pos) {
    if ("infinity".equals(raw) && type.infinityAs() != null) {
      return type.infinityAs();
    }
    if (!(raw instanceof Long value)) {
      return wrongType(type, raw, path, pos);
    }
    if (value < type.min() || value > type.max()) {
      error(pos, path, "expected " + type.describe() + ", got " + value);
      return null;
    }
    return value;
  }

  private Object millis(Object raw, OptionType.Millis type, String path, TomlPosition pos) {
    if ("infinity".equals(raw) && type.infinityAllowed()) {
      return Duration.ofMillis(Long.MAX_VALUE);
    }
    if (!(raw instanceof Long value) || value < type.min()) {
      error(pos, path, "expected " + type.describe() + ", got " + render(raw));
      return null;
    }
    return Duration.ofMillis(value);
  }

  private Object list(Object raw, OptionType.ListOf type, String path, TomlPosition pos) {
    if (!(raw instanceof TomlArray array)) {
      return wrongType(type, raw, path, pos);
    }
    if (type.nonEmpty() && array.isEmpty()) {
      error(pos, path, "must not be empty");
      return null;
    }
    List<Object> values = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      Object element = convert(array.get(i), type.element(), path + "[" + i + "]", pos);
      if (element != null) {
        values.add(element);
      }
    }
    return List.copyOf(values);
  }

  private Object sections(Object raw, OptionType.Sections type, String path, TomlPosition pos) {
    if (!(raw instanceof TomlArray array) || !allTables(array)) {
      return wrongType(type, raw, path, pos);
    }
    List<ConfigValues> values = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      values.add(validate(array.getTable(i), type.spec(), path + "[" + i + "]", pos));
    }
    return List.copyOf(values);
  }

  private Object namedMap(Object raw, OptionType.NamedMap type, String path, TomlPosition pos) {
    if (!(raw instanceof TomlTable table)) {
      return wrongType(type, raw, path, pos);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (String key : table.keySet()) {
      Object value =
          convert(table.get(key), type.value(), join(path, key), table.inputPositionOf(key));
      if (value != null) {
        values.put(key, value);
      }
    }
    return java.util.Collections.unmodifiableMap(values);
  }

  private Object registry(Object raw, OptionType.Registry type, String path, TomlPosition pos) {
    if (!(raw instanceof TomlTable table)) {
      return wrongType(type, raw, path, pos);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (String key : table.keySet()) {
      ConfigSpec spec = type.specs().get(key);
      String keyPath = join(path, key);
      TomlPosition keyPos = table.inputPositionOf(key);
      if (spec == null) {
        error(
            keyPos,
            keyPath,
            "unknown "
                + type.what()
                + "; known: "
                + String.join(", ", type.specs().keySet().stream().sorted().toList()));
        continue;
      }
      Object value = table.get(key);
      if (value instanceof TomlTable entry) {
        values.put(key, validate(entry, spec, keyPath, keyPos));
      } else if (value instanceof TomlArray array && allTables(array)) {
        List<ConfigValues> entries = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
          entries.add(validate(array.getTable(i), spec, keyPath + "[" + i + "]", keyPos));
        }
        values.put(key, List.copyOf(entries));
      } else {
        error(keyPos, keyPath, "expected a table");
      }
    }
    return java.util.Collections.unmodifiableMap(values);
  }

  private Object wrongType(OptionType type, Object raw, String path, TomlPosition pos) {
    error(pos, path, "expected " + type.describe() + ", got " + render(raw));
    return null;
  }

  private static String render(Object raw) {
    if (raw instanceof String s) {
      return "\"" + s + "\"";
    }
    if (raw instanceof TomlTable) {
      return "a table";
    }
    if (raw instanceof TomlArray) {
      return "a list";
    }
    return String.valueOf(raw);
  }

  private static String suggestion(ConfigSpec spec, String key) {
    for (String known : spec.names()) {
      if (known.replace("_", "").equalsIgnoreCase(key.replace("_", "").replace("-", ""))) {
        return " (did you mean " + known + "?)";
      }
    }
    return spec.names().isEmpty() ? "" : "; known: " + String.join(", ", spec.names());
  }

  private static boolean allTables(TomlArray array) {
    for (int i = 0; i < array.size(); i++) {
      if (!array.isTable(i)) {
        return false;
      }
    }
    return true;
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static TomlTable emptyTable() {
    return org.tomlj.Toml.parse("");
  }
}
