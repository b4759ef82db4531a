package io.meerkat.server.auth;

import io.meerkat.server.config.AuthConfig.PasswordConfig;
import io.meerkat.server.config.AuthConfig.PasswordFormat;
import io.meerkat.server.storage.Database;
import io.meerkat.server.storage.TestDatabases;
import io.meerkat.testkit.PostgresDatabase;
import io.meerkat.testkit.PostgresExtension;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresDomainAdminBackendTest implements DomainAdminBackendContract {

  private final PostgresDatabase db;
  private Database database;

  PostgresDomainAdminBackendTest(PostgresDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void open() {
    database = TestDatabases.postgres(db);
    database.jdbc().update("DELETE FROM domain_admins");
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
    return new RdbmsDomainAdminBackend(
        database.jdbc(),
        new PasswordConfig(PasswordFormat.SCRAM, Set.of(ScramHash.SHA1, ScramHash.SHA256), 4096));
  }
}
