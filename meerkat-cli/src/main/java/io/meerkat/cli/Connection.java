package io.meerkat.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Where the admin API is and how to log in. Each setting comes from the command line, else the
 * environment ({@code MEERKAT_ADMIN_URL}, {@code MEERKAT_ADMIN_USER}, {@code
 * MEERKAT_ADMIN_PASSWORD}), else the node's configuration file: its first {@code
 * mongoose_graphql_handler} with {@code schema_endpoint = "admin"} (address, port, path, username,
 * and password, {@code {env = ...}} or {@code password_file}).
 */
record Connection(URI url, String username, String password) {

  static final String DEFAULT_URL = "http://127.0.0.1:5551/api/graphql";

  /** Thrown when the settings cannot be worked out; the message says why. */
  static final class SettingsException extends Exception {
    private static final long serialVersionUID = 1L;

    SettingsException(String message) {
      super(message);
    }
  }

  /**
   * @param options the global command-line options ({@code config}, {@code url}, {@code user},
   *     {@code password})
   * @param home the install directory: relative paths in the configuration start there
   */
  static Connection resolve(Map<String, String> options, Function<String, String> env, Path home)
      throws SettingsException {
    String configOption = first(options.get("config"), env.apply("MEERKAT_CONFIG"));
    Path configFile =
        configOption != null ? Path.of(configOption) : home.resolve("etc/meerkat.toml");
    Connection fromFile = null;
    if (configOption != null || Files.exists(configFile)) {
      fromFile = fromConfig(configFile, env, home);
    }
    String url =
        first(
            options.get("url"),
            env.apply("MEERKAT_ADMIN_URL"),
            fromFile == null ? null : fromFile.url().toString(),
            DEFAULT_URL);
    String user =
        first(
            options.get("user"),
            env.apply("MEERKAT_ADMIN_USER"),
            fromFile == null ? null : fromFile.username());
    String password =
        first(
            options.get("password"),
            env.apply("MEERKAT_ADMIN_PASSWORD"),
            fromFile == null ? null : fromFile.password());
    if (user == null || password == null) {
      throw new SettingsException(
          "no admin credentials: found none in "
              + configFile
              + "; give --user and --password (or MEERKAT_ADMIN_USER and MEERKAT_ADMIN_PASSWORD)");
    }
    return new Connection(URI.create(url), user, password);
  }

  private static Connection fromConfig(Path file, Function<String, String> env, Path home)
      throws SettingsException {
    TomlParseResult toml;
    try {
      toml = Toml.parse(file);
    } catch (IOException e) {
      throw new SettingsException("cannot read " + file + ": " + e.getMessage());
    }
    if (toml.hasErrors()) {
      throw new SettingsException(file + " has errors: " + toml.errors().get(0));
    }
    TomlArray listeners = toml.getArray("listen.http");
    for (int i = 0; listeners != null && i < listeners.size(); i++) {
      TomlTable listener = listeners.getTable(i);
      for (TomlTable handler : handlers(listener)) {
        if ("admin".equals(handler.getString("schema_endpoint", () -> "admin"))) {
          return fromHandler(file, listener, handler, env, home);
        }
      }
    }
    return null;
  }

  private static Iterable<TomlTable> handlers(TomlTable listener) {
    Object value = listener.get("handlers.mongoose_graphql_handler");
    java.util.List<TomlTable> tables = new java.util.ArrayList<>();
    if (value instanceof TomlTable t) {
      tables.add(t);
    } else if (value instanceof TomlArray a) {
      for (int i = 0; i < a.size(); i++) {
        tables.add(a.getTable(i));
      }
    }
    return tables;
  }

  private static Connection fromHandler(
      Path file, TomlTable listener, TomlTable handler, Function<String, String> env, Path home)
      throws SettingsException {
    String address = listener.getString("ip_address", () -> "0.0.0.0");
    String host =
        switch (address) {
          case "0.0.0.0" -> "127.0.0.1";
          case "::", "::0" -> "[::1]";
          default -> address.contains(":") ? "[" + address + "]" : address;
        };
    long port = listener.getLong("port", () -> 5551L);
    String path = handler.getString("path", () -> "/api/graphql");
    String password = null;
    Object raw = handler.get("password");
    if (raw instanceof String s) {
      password = s;
    } else if (raw instanceof TomlTable t && t.getString("env") != null) {
      password = env.apply(t.getString("env"));
      if (password == null || password.isEmpty()) {
        throw new SettingsException(
            file + " takes the admin password from $" + t.getString("env") + ", which is not set");
      }
    } else if (handler.getString("password_file") != null) {
      password = readPasswordFile(home.resolve(handler.getString("password_file")));
    }
    return new Connection(
        URI.create("http://" + host + ":" + port + path), handler.getString("username"), password);
  }

  private static String readPasswordFile(Path file) throws SettingsException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
    } catch (IOException e) {
      throw new SettingsException(
          "cannot read the admin password file "
              + file
              + " (the node writes it on its first start): "
              + e.getMessage());
    }
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }

  /** The server-sent-events URL of the same endpoint. */
  URI sseUrl() {
    return URI.create(url.toString().replaceAll("/+$", "") + "/sse");
  }
}
