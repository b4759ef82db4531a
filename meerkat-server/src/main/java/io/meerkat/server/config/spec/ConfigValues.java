package io.meerkat.server.config.spec;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated table: every option of its spec is present with its value or default (absent optional
 * options are missing). Nested tables are {@code ConfigValues} too.
 */
public record ConfigValues(Map<String, Object> values) {

  public ConfigValues {
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
  }

  public String string(String name) {
    return (String) values.get(name);
  }

  public Optional<String> findString(String name) {
    return Optional.ofNullable((String) values.get(name));
  }

  public long integer(String name) {
    return (Long) values.get(name);
  }

  /** An integer option clamped to int range (infinity becomes {@link Integer#MAX_VALUE}). */
  public int intValue(String name) {
    return (int) Math.min(Integer.MAX_VALUE, integer(name));
  }

  public boolean bool(String name) {
    return (Boolean) values.get(name);
  }

  public Duration duration(String name) {
    return (Duration) values.get(name);
  }

  @SuppressWarnings("unchecked")
  public <T> List<T> list(String name) {
    return (List<T>) values.get(name);
  }

  public Optional<ConfigValues> section(String name) {
    return Optional.ofNullable((ConfigValues) values.get(name));
  }

  @SuppressWarnings("unchecked")
  public List<ConfigValues> sections(String name) {
    return (List<ConfigValues>) values.get(name);
  }

  @SuppressWarnings("unchecked")
  public <T> Map<String, T> map(String name) {
    return (Map<String, T>) values.get(name);
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }
}
