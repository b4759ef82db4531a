package io.meerkat.server.modules.privatestorage;

import io.meerkat.server.storage.Database;
import io.meerkat.server.storage.TestDatabases;
import io.meerkat.testkit.PostgresDatabase;
import io.meerkat.testkit.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresPrivateBackendTest implements PrivateBackendContract {

  private final PostgresDatabase db;
  private Database database;

  PostgresPrivateBackendTest(PostgresDatabase db) {
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
