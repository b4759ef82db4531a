package io.meerkat.cets.discovery;

import io.meerkat.testkit.PostgresDatabase;
import io.meerkat.testkit.PostgresExtension;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

@ExtendWith(PostgresExtension.class)
class PostgresRdbmsDiscoveryTest implements RdbmsDiscoveryContract {

  private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

  PostgresRdbmsDiscoveryTest(PostgresDatabase db) {
    dataSource.setURL(db.jdbcUrl());
    dataSource.setUser(db.username());
    dataSource.setPassword(db.password());
  }

  @BeforeEach
  void createSchema() throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS discovery_nodes");
    }
    RdbmsDiscoveryBackend.createSchema(dataSource);
  }

  @Override
  public DataSource dataSource() {
    return dataSource;
  }
}
