package io.meerkat.server.config;

import java.time.Duration;
import java.util.Optional;

/**
 * One {@code [outgoing_pools.rdbms.<tag>]} pool; connection options live in its {@code connection}
 * sub-table as in MongooseIM.
 *
 * @param tag the pool tag, {@code default} for the main pool
 * @param driver {@code connection.driver}
 * @param host {@code connection.host} (not used by {@code h2})
 * @param port {@code connection.port}, default by driver
 * @param database {@code connection.database}; for {@code h2} the file name under the data
 *     directory
 * @param username {@code connection.username}
 * @param password {@code connection.password} (a secret: may come from the environment)
 * @param tlsRequired {@code connection.tls.required}
 * @param workers {@code workers}: the maximum pool size, default 10
 * @param queryTimeout {@code connection.query_timeout}, default 5 s
 */
public record RdbmsPoolConfig(
    String tag,
    Driver driver,
    String host,
    int port,
    String database,
    String username,
    Optional<String> password,
    boolean tlsRequired,
    int workers,
    Duration queryTimeout) {

  /** Supported databases. */
  public enum Driver {
    H2,
    PGSQL
  }
}
