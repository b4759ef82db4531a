package io.meerkat.server.storage;

import io.meerkat.server.config.RdbmsPoolConfig;
import io.meerkat.testkit.PostgresDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Opens migrated databases for storage tests. */
public final class TestDatabases {
  private TestDatabases() {}

  /** An embedded H2 database in {@code dir}. */
  public static Database h2(Path dir) {
    return Database.open(
        new RdbmsPoolConfig(
            "default",
            RdbmsPoolConfig.Driver.H2,
            "localhost",
            0,
            "meerkat",
            "sa",
            Optional.empty(),
            false,
            4,
            Duration.ofSeconds(5)),
        dir);
  }

  /** The pool settings that reach a test PostgreSQL database. */
  public static RdbmsPoolConfig poolFor(PostgresDatabase db) {
    URI uri = URI.create(db.jdbcUrl().substring("jdbc:".length()));
    return new RdbmsPoolConfig(
        "default",
        RdbmsPoolConfig.Driver.PGSQL,
        uri.getHost(),
        uri.getPort(),
        db.name(),
        db.username(),
        Optional.of(db.password()),
        false,
        4,
        Duration.ofSeconds(5));
  }

  /** A migrated PostgreSQL database. */
  public static Database postgres(PostgresDatabase db) {
    return Database.open(poolFor(db), Path.of("."));
  }
}
