package io.meerkat.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.testkit.PostgresDatabase;
import io.meerkat.testkit.PostgresExtension;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operator schema file and the migrations must produce the same PostgreSQL schema. */
@ExtendWith(PostgresExtension.class)
class SchemaFileTest {

  @Test
  void pgSqlMatchesWhatTheMigrationsCreate(PostgresDatabase byFile, PostgresDatabase byMigration)
      throws Exception {
    try (InputStream in = Database.class.getResourceAsStream("/schema/pg.sql");
        Connection c = byFile.connect();
        Statement s = c.createStatement()) {
      s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    TestDatabases.postgres(byMigration).close();
    assertThat(describe(byFile)).isNotEmpty().isEqualTo(describe(byMigration));
  }

  private static List<String> describe(PostgresDatabase db) throws Exception {
    List<String> lines = new ArrayList<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT table_name, column_name, data_type, character_maximum_length, is_nullable,"
                  + " column_default FROM information_schema.columns WHERE table_schema = 'public'"
                  + " AND table_name <> 'meerkat_schema_history' ORDER BY table_name, column_name")) {
        while (rs.next()) {
          lines.add(
              rs.getString(1)
                  + "."
                  + rs.getString(2)
                  + " "
                  + rs.getString(3)
                  + "("
                  + rs.getString(4)
                  + ") null="
                  + rs.getString(5)
                  + " default="
                  + rs.getString(6));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'"
                  + " AND tablename <> 'meerkat_schema_history' ORDER BY tablename, indexname")) {
        while (rs.next()) {
          lines.add(rs.getString(1) + " " + rs.getString(2));
        }
      }
    }
    return lines;
  }
}
