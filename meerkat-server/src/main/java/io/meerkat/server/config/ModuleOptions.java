package io.meerkat.server.config;

import java.util.Map;
import java.util.Optional;

/**
 * The validated options of one module (or HTTP handler), typed by that module's own config spec.
 * Values are {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code
 * java.time.Duration}, {@code java.util.List} or nested {@code ModuleOptions}; every option the
 * spec declares has its default filled in.
 */
public record ModuleOptions(Map<String, Object> values) {

  public static final ModuleOptions EMPTY = new ModuleOptions(Map.of());

  public ModuleOptions {
    values = Map.copyOf(values);
  }

  /** The value of an option the spec declared with type {@code type}. */
  public <T> T get(String option, Class<T> type) {
    Object value = values.get(option);
    if (value == null) {
      throw new IllegalArgumentException("option '" + option + "' is not set");
    }
    return type.cast(value);
  }

  /** The value of an optional option without a default. */
  public <T> Optional<T> find(String option, Class<T> type) {
    return Optional.ofNullable(values.get(option)).map(type::cast);
  }
}
