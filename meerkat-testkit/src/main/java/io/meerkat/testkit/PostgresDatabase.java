package io.meerkat.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** A fresh PostgreSQL database created for one test class by {@link PostgresExtension}. */
public record PostgresDatabase(String jdbcUrl, String username, String password) {

  /** Opens a plain JDBC connection (the caller closes it). */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, username, password);
  }

  /** The database name, the last path segment of the URL. */
  public String name() {
    return jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
  }
}
