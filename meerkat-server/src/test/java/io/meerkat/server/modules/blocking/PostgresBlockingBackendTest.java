package io.meerkat.server.modules.blocking;

import io.meerkat.server.storage.Database;
import io.meerkat.server.storage.TestDatabases;
import io.meerkat.testkit.PostgresDatabase;
import io.meerkat.testkit.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresBlockingBackendTest implements BlockingBackendContract {

  private final PostgresDatabase db;
  private Database database;

  PostgresBlockingBackendTest(PostgresDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void open() {
    database = TestDatabases.postgres(db);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Override
  public Database database() {
    return database;
  }
}
