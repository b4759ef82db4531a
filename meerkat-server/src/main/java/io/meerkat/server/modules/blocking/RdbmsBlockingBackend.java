package io.meerkat.server.modules.blocking;

import io.meerkat.server.storage.Jdbc;
import io.meerkat.xmpp.Jid;
import java.util.Collection;
import java.util.List;

/** Blocklists in the {@code blocking} table, one row per blocked JID. */
public final class RdbmsBlockingBackend implements BlockingBackend {

  private final Jdbc jdbc;

  public RdbmsBlockingBackend(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Jid> blocklist(Jid user) {
    return jdbc
        .query(
            "SELECT jid FROM blocking WHERE server = ? AND username = ?",
            rs -> Jid.parse(rs.getString(1)),
            user.domain(),
            user.localpart())
        .stream()
        .sorted()
        .toList();
  }

  @Override
  public void block(Jid user, Collection<Jid> jids) {
    jdbc.inTransactionRetrying(
        c -> {
          for (Jid jid : jids) {
            if (Jdbc.query(
                    c,
                    "SELECT 1 FROM blocking WHERE server = ? AND username = ? AND jid = ?",
                    rs -> 1,
                    user.domain(),
                    user.localpart(),
                    jid.toString())
                .isEmpty()) {
              Jdbc.update(
                  c,
                  "INSERT INTO blocking (server, username, jid) VALUES (?, ?, ?)",
                  user.domain(),
                  user.localpart(),
                  jid.toString());
            }
          }
          return null;
        });
  }

  @Override
  public void unblock(Jid user, Collection<Jid> jids) {
    jdbc.inTransaction(
        c -> {
          for (Jid jid : jids) {
            Jdbc.update(
                c,
                "DELETE FROM blocking WHERE server = ? AND username = ? AND jid = ?",
                user.domain(),
                user.localpart(),
                jid.toString());
          }
          return null;
        });
  }

  @Override
  public void unblockAll(Jid user) {
    jdbc.update(
        "DELETE FROM blocking WHERE server = ? AND username = ?", user.domain(), user.localpart());
  }
}
