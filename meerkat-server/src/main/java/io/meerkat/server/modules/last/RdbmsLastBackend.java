package io.meerkat.server.modules.last;

import io.meerkat.server.storage.Jdbc;
import io.meerkat.xmpp.Jid;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Last activity in the {@code last} table, for accounts that exist in {@code users}. */
public final class RdbmsLastBackend implements LastBackend {

  private final Jdbc jdbc;

  public RdbmsLastBackend(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<LastActivity> get(Jid user) {
    return jdbc.queryOne(
        "SELECT seconds, state FROM last WHERE server = ? AND username = ?",
        rs -> new LastActivity(rs.getLong(1), rs.getString(2)),
        user.domain(),
        user.localpart());
  }

  @Override
  public void set(Jid user, LastActivity activity) {
    setAll(Map.of(user, activity));
  }

  @Override
  public void setAll(Map<Jid, LastActivity> activities) {
    if (activities.isEmpty()) {
      return;
    }
    jdbc.inTransactionRetrying(
        c -> {
          for (Map.Entry<Jid, LastActivity> e : activities.entrySet()) {
            upsert(c, e.getKey(), e.getValue());
          }
          return null;
        });
  }

  private static void upsert(Connection c, Jid user, LastActivity a) throws SQLException {
    int updated =
        Jdbc.update(
            c,
            "UPDATE last SET seconds = ?, state = ? WHERE server = ? AND username = ?",
            a.timestamp(),
            a.status(),
            user.domain(),
            user.localpart());
    if (updated == 0) {
      // A logout can be recorded after the account was removed (removal closes the sessions):
      // only accounts that still exist get a row.
      Jdbc.update(
          c,
          "INSERT INTO last (server, username, seconds, state) SELECT CAST(? AS VARCHAR),"
              + " CAST(? AS VARCHAR), CAST(? AS BIGINT), CAST(? AS VARCHAR) WHERE EXISTS"
              + " (SELECT 1 FROM users WHERE server = ? AND username = ?)",
          user.domain(),
          user.localpart(),
          a.timestamp(),
          a.status(),
          user.domain(),
          user.localpart());
    }
  }

  @Override
  public long countSince(String domain, long timestamp) {
    return jdbc.queryOne(
            "SELECT COUNT(*) FROM last WHERE server = ? AND seconds >= ?",
            rs -> rs.getLong(1),
            domain,
            timestamp)
        .orElse(0L);
  }

  @Override
  public List<Jid> listBefore(String domain, long timestamp) {
    String filter = domain == null ? "" : " AND server = ?";
    Object[] params = domain == null ? new Object[] {timestamp} : new Object[] {timestamp, domain};
    return jdbc.query(
        "SELECT username, server FROM last WHERE seconds < ?"
            + filter
            + " ORDER BY server, username",
        rs -> Jid.bare(rs.getString(1), rs.getString(2)),
        params);
  }

  @Override
  public void remove(Jid user) {
    jdbc.update(
        "DELETE FROM last WHERE server = ? AND username = ?", user.domain(), user.localpart());
  }
}
