package io.meerkat.server.storage;

import io.meerkat.xmpp.Jid;

/** A migrated database for a storage contract test, H2 or PostgreSQL. */
public interface DatabaseFixture {

  Database database();

  /** Creates an account row directly (for backends that only keep data of existing accounts). */
  default void createAccount(Jid user) {
    database()
        .jdbc()
        .update(
            "INSERT INTO users (server, username) VALUES (?, ?)", user.domain(), user.localpart());
  }
}
