package io.meerkat.server.modules.blocking;

import io.meerkat.server.storage.Database;
import io.meerkat.server.storage.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class H2BlockingBackendTest implements BlockingBackendContract {

  @TempDir Path dir;
  private Database database;

  @BeforeEach
  void open() {
    database = TestDatabases.h2(dir);
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
