package io.meerkat.server.auth;

import io.meerkat.server.config.AuthConfig.PasswordConfig;
import io.meerkat.server.config.AuthConfig.PasswordFormat;
import io.meerkat.server.storage.Database;
import io.meerkat.server.storage.TestDatabases;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class H2DomainAdminBackendTest implements DomainAdminBackendContract {

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

  @Override
  public DomainAdminBackend backend() {
    // plain format for accounts must not make administrator passwords plain
    return new RdbmsDomainAdminBackend(
        database.jdbc(),
        new PasswordConfig(PasswordFormat.PLAIN, Set.of(ScramHash.SHA1, ScramHash.SHA256), 4096));
  }
}
