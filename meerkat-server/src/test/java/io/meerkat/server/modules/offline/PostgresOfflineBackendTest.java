package io.meerkat.server.modules.offline;

import io.meerkat.server.storage.Database;
import io.meerkat.server.storage.TestDatabases;
import io.meerkat.testkit.PostgresDatabase;
import io.meerkat.testkit.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresOfflineBackendTest implements OfflineBackendContract {

  private final PostgresDatabase db;
  private Database database;

  PostgresOfflineBackendTest(PostgresDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void open() {
    database = TestDatabases.postgres(db);
    database.jdbc().update("DELETE FROM offline_message");
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Override
  public OfflineBackend backend() {
    return new RdbmsOfflineBackend(database.jdbc());
  }
}
