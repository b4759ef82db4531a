package io.meerkat.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The server's log level with MongooseIM's level names ({@code none} ... {@code all}), set from
 * {@code [general] loglevel} at start and changeable at runtime.
 */
public final class LogLevels {

  private static final Map<String, Level> LEVELS =
      Map.of(
          "none", Level.OFF,
          "emergency", Level.ERROR,
          "alert", Level.ERROR,
          "critical", Level.ERROR,
          "error", Level.ERROR,
          "warning", Level.WARN,
          "notice", Level.INFO,
          "info", Level.INFO,
          "debug", Level.DEBUG,
          "all", Level.TRACE);

  private volatile String current;

  public LogLevels(String initial) {
    set(initial);
  }

  /**
   * Sets the level.
   *
   * @throws IllegalArgumentException for an unknown level name
   */
  public void set(String level) {
    String name = level.toLowerCase(Locale.ROOT);
    Level logback = LEVELS.get(name);
    if (logback == null) {
      throw new IllegalArgumentException(
          "unknown log level " + level + "; known: " + new java.util.TreeSet<>(LEVELS.keySet()));
    }
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(logback);
    }
    current = name;
  }

  public String get() {
    return current;
  }
}
