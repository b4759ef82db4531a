package io.meerkat.cets.discovery;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;

class H2RdbmsDiscoveryTest implements RdbmsDiscoveryContract {

  private JdbcDataSource dataSource;

  @BeforeEach
  void createSchema() throws Exception {
    dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:disco" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    RdbmsDiscoveryBackend.createSchema(dataSource);
  }

  @Override
  public DataSource dataSource() {
    return dataSource;
  }
}
