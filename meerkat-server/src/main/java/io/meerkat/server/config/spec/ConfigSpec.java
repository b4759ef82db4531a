package io.meerkat.server.config.spec;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The options a configuration table accepts. Core sections and every feature module describe their
 * options with one of these; the loader validates the TOML against it, fills defaults and reports
 * errors with file, line and option path. The same spec generates the docs.
 */
public final class ConfigSpec {

  public static final ConfigSpec EMPTY = builder().build();

  private final Map<String, Option> options;

  private ConfigSpec(Map<String, Option> options) {
    this.options = Map.copyOf(options);
    this.order = List.copyOf(options.keySet());
  }

  private final List<String> order;

  public static Builder builder() {
    return new Builder();
  }

  public Option option(String name) {
    return options.get(name);
  }

  /** Options in declaration order. */
  public List<Option> options() {
    return order.stream().map(options::get).toList();
  }

  public Collection<String> names() {
    return order;
  }

  /** Fluent construction; every method adds one option. */
  public static final class Builder {
    private final Map<String, Option> options = new LinkedHashMap<>();

    private Builder add(Option option) {
      if (options.put(option.name(), option) != null) {
        throw new IllegalArgumentException("option declared twice: " + option.name());
      }
      return this;
    }

    public Builder string(String name, String defaultValue, String description) {
      return add(new Option(name, text(Set.of(), false), defaultValue, false, description));
    }

    public Builder requiredString(String name, String description) {
      return add(new Option(name, text(Set.of(), false), null, true, description));
    }

    /** A string checked by {@code check}, which returns an error text or {@code null}. */
    public Builder string(
        String name, String defaultValue, Function<String, String> check, String description) {
      return add(
          new Option(
              name, new OptionType.Text(Set.of(), false, check), defaultValue, false, description));
    }

    /** A secret string: may be given as {@code {env = "NAME"}} to read an environment variable. */
    public Builder secret(String name, String defaultValue, String description) {
      return add(new Option(name, text(Set.of(), true), defaultValue, false, description));
    }

    public Builder oneOf(String name, String defaultValue, Set<String> values, String description) {
      return add(new Option(name, text(values, false), defaultValue, false, description));
    }

    public Builder integer(String name, long defaultValue, long min, long max, String description) {
      return add(
          new Option(name, new OptionType.Int(min, max, null), defaultValue, false, description));
    }

    public Builder requiredInteger(String name, long min, long max, String description) {
      return add(new Option(name, new OptionType.Int(min, max, null), null, true, description));
    }

    /** An integer that also accepts "infinity", read as {@link Long#MAX_VALUE}. */
    public Builder integerOrInfinity(String name, long defaultValue, long min, String description) {
      return add(
          new Option(
              name,
              new OptionType.Int(min, Long.MAX_VALUE, Long.MAX_VALUE),
              defaultValue,
              false,
              description));
    }

    public Builder bool(String name, boolean defaultValue, String description) {
      return add(new Option(name, new OptionType.Bool(), defaultValue, false, description));
    }

    public Builder millis(String name, long defaultMillis, long min, String description) {
      return add(
          new Option(
              name,
              new OptionType.Millis(min, false),
              Duration.ofMillis(defaultMillis),
              false,
              description));
    }

    public Builder list(String name, OptionType element, List<?> defaultValue, String description) {
      return add(
          new Option(
              name, new OptionType.ListOf(element, false), defaultValue, false, description));
    }

    public Builder section(String name, ConfigSpec spec, String description) {
      return add(new Option(name, new OptionType.Section(spec), null, false, description));
    }

    public Builder sections(String name, ConfigSpec spec, String description) {
      return add(new Option(name, new OptionType.Sections(spec), List.of(), false, description));
    }

    public Builder namedMap(String name, OptionType value, String description) {
      return add(new Option(name, new OptionType.NamedMap(value), Map.of(), false, description));
    }

    public Builder option(Option option) {
      return add(option);
    }

    public ConfigSpec build() {
      return new ConfigSpec(options);
    }
  }

  /** A string type, optionally restricted to {@code allowed} values. */
  public static OptionType text(Set<String> allowed, boolean secret) {
    return new OptionType.Text(allowed, secret, s -> null);
  }
}
