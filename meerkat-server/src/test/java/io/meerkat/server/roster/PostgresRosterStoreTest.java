package io.meerkat.server.roster;

import io.meerkat.server.storage.Database;
import io.meerkat.server.storage.TestDatabases;
import io.meerkat.testkit.PostgresDatabase;
import io.meerkat.testkit.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresRosterStoreTest implements RosterStoreContract {

  private final PostgresDatabase db;
  private Database database;

  PostgresRosterStoreTest(PostgresDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void open() {
    database = TestDatabases.postgres(db);
    for (String table : new String[] {"rostergroups", "rosterusers", "roster_version"}) {
      database.jdbc().update("DELETE FROM " + table);
    }
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Override
  public RosterStore store() {
    return new RdbmsRosterStore(database.jdbc());
  }
}
