package io.meerkat.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.meerkat.server.config.RdbmsPoolConfig;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The relational database of one pool: a HikariCP connection pool whose schema is brought up to
 * date with versioned migrations when it opens. Embedded H2 (a file under the data directory, in
 * PostgreSQL mode) or PostgreSQL.
 *
 * <p>Every call into it blocks: use it from virtual threads, never from a Netty event loop.
 */
public final class Database implements AutoCloseable {

  /** The SQL dialects Meerkat writes for. */
  public enum Dialect {
    H2,
    POSTGRESQL
  }

  private final HikariDataSource dataSource;
  private final Dialect dialect;
  private final Jdbc jdbc;

  private Database(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.jdbc = new Jdbc(dataSource);
  }

  /**
   * Opens the pool and applies pending migrations.
   *
   * @param dataDir where an H2 database file lives
   * @throws DatabaseException when the database cannot be reached or migrated
   */
  public static Database open(RdbmsPoolConfig pool, Path dataDir) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("rdbms-" + pool.tag());
    hikari.setMaximumPoolSize(pool.workers());
    hikari.setMinimumIdle(Math.min(2, pool.workers()));
    hikari.setConnectionTimeout(Math.max(250, pool.queryTimeout().toMillis()));
    hikari.setInitializationFailTimeout(pool.queryTimeout().toMillis());
    Dialect dialect;
    switch (pool.driver()) {
      case H2 -> {
        dialect = Dialect.H2;
        Path file = dataDir.resolve(pool.database()).toAbsolutePath();
        hikari.setJdbcUrl(
            "jdbc:h2:file:"
                + file
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        hikari.setUsername("sa");
        hikari.setPassword("");
      }
      case PGSQL -> {
        dialect = Dialect.POSTGRESQL;
        String url =
            "jdbc:postgresql://"
                + pool.host()
                + ":"
                + pool.port()
                + "/"
                + pool.database()
                + "?ApplicationName=meerkat"
                + (pool.tlsRequired() ? "&sslmode=require" : "");
        hikari.setJdbcUrl(url);
        hikari.setUsername(pool.username());
        pool.password().ifPresent(hikari::setPassword);
        hikari.addDataSourceProperty(
            "options", "-c statement_timeout=" + pool.queryTimeout().toMillis());
      }
      default -> throw new IllegalArgumentException("unsupported driver " + pool.driver());
    }
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw new DatabaseException(
          "cannot connect to the "
              + pool.driver()
              + " database of pool '"
              + pool.tag()
              + "': "
              + rootMessage(e),
          e);
    }
    try {
      migrate(dataSource, dialect);
    } catch (RuntimeException e) {
      dataSource.close();
      throw new DatabaseException(
          "cannot migrate the database of pool '" + pool.tag() + "': " + rootMessage(e), e);
    }
    return new Database(dataSource, dialect);
  }

  private static void migrate(DataSource dataSource, Dialect dialect) {
    String folder = dialect == Dialect.H2 ? "h2" : "postgresql";
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration/" + folder)
        .table("meerkat_schema_history")
        .baselineOnMigrate(false)
        .load()
        .migrate();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Query helpers over this pool. */
  public Jdbc jdbc() {
    return jdbc;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
