package io.meerkat.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresExtensionTest {

  @Test
  void eachParameterIsAFreshDatabaseOnARealServer(PostgresDatabase first, PostgresDatabase second)
      throws Exception {
    assertThat(first.name()).isNotEqualTo(second.name());
    try (Connection c = first.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (k INT PRIMARY KEY)");
      s.execute("INSERT INTO t VALUES (1)");
      try (ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int")) {
        rs.next();
        assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(140000);
      }
    }
    try (Connection c = second.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 't'")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }
}
