package io.meerkat.server.storage;

import io.meerkat.server.util.NonBlocking;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Small JDBC helpers so storage backends are a few lines each: parameterised statements, row
 * mapping, transactions. Failures become {@link DatabaseException} naming the statement.
 *
 * <p>Blocking: call from virtual threads only.
 */
public final class Jdbc {

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Work done on one connection inside a transaction. */
  @FunctionalInterface
  public interface TransactionBody<T> {
    T run(Connection connection) throws SQLException;
  }

  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;

  public Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  private Connection connection() throws SQLException {
    NonBlocking.check("a database call");
    return dataSource.getConnection();
  }

  /** All rows of a query. */
  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
    try (Connection c = connection()) {
      return query(c, sql, mapper, params);
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  /** The first row of a query, if any. */
  public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
    List<T> rows = query(sql, mapper, params);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  /** Runs an INSERT/UPDATE/DELETE and returns the number of rows changed. */
  public int update(String sql, Object... params) {
    try (Connection c = connection()) {
      return update(c, sql, params);
    } catch (SQLException e) {
      throw failure(sql, e);
    }
  }

  /**
   * Runs an INSERT that may violate a unique key.
   *
   * @return false when the row already existed (nothing inserted)
   */
  public boolean insertIfAbsent(String sql, Object... params) {
    try (Connection c = connection()) {
      update(c, sql, params);
      return true;
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return false;
      }
      throw failure(sql, e);
    }
  }

  /**
   * Runs {@code body} in one transaction, committed when it returns and rolled back if it throws.
   */
  public <T> T inTransaction(TransactionBody<T> body) {
    try (Connection c = connection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = body.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new DatabaseException("transaction failed: " + e.getMessage(), e);
    }
  }

  /**
   * Like {@link #inTransaction}, retried (up to three times) when it loses a race on a unique key,
   * for "update, else insert" writes that two sessions may make at once.
   */
  public <T> T inTransactionRetrying(TransactionBody<T> body) {
    for (int attempt = 1; ; attempt++) {
      try {
        return inTransaction(body);
      } catch (DatabaseException e) {
        if (attempt >= 3
            || !(e.getCause() instanceof SQLException sql)
            || !UNIQUE_VIOLATION.equals(sql.getSQLState())) {
          throw e;
        }
      }
    }
  }

  /** A query on a given connection (inside a transaction). */
  public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    try (PreparedStatement s = prepare(c, sql, params);
        ResultSet rs = s.executeQuery()) {
      List<T> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(mapper.map(rs));
      }
      return rows;
    }
  }

  /** An update on a given connection (inside a transaction). */
  public static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = prepare(c, sql, params)) {
      return s.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params)
      throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      s.setObject(i + 1, params[i]);
    }
    return s;
  }

  private static DatabaseException failure(String sql, SQLException e) {
    return new DatabaseException(
        "SQL failed (" + e.getSQLState() + "): " + sql + ": " + e.getMessage(), e);
  }
}
