package io.meerkat.server.modules.offline;

import io.meerkat.server.storage.Jdbc;
import io.meerkat.xmpp.Jid;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Offline messages in table {@code offline_message}; times are microseconds since the epoch.
 *
 * <p>The quota check and the insert share one transaction. Two messages stored for the same user at
 * the same instant may both see room for one more, so the quota can be passed by the number of
 * concurrent senders; it is a limit against abuse, not an exact count.
 */
public final class RdbmsOfflineBackend implements OfflineBackend {

  private static final int DELETE_BATCH = 100;

  private final Jdbc jdbc;

  public RdbmsOfflineBackend(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean store(Jid user, OfflineMessage message, long maxMessages) {
    return jdbc.inTransaction(
        c -> {
          long count =
              Jdbc.query(
                      c,
                      "SELECT COUNT(*) FROM offline_message WHERE server = ? AND username = ?",
                      row -> row.getLong(1),
                      user.domain(),
                      user.localpart())
                  .get(0);
          if (count >= maxMessages) {
            return false;
          }
          Jdbc.update(
              c,
              "INSERT INTO offline_message (server, username, timestamp, expire, from_jid, packet)"
                  + " VALUES (?, ?, ?, ?, ?, ?)",
              user.domain(),
              user.localpart(),
              micros(message.timestamp()),
              message.expire() == null ? null : micros(message.expire()),
              message.from().toString(),
              message.packet());
          return true;
        });
  }

  @Override
  public List<OfflineMessage> messages(Jid user, Instant now) {
    return jdbc.query(
        "SELECT id, from_jid, timestamp, expire, packet FROM offline_message"
            + " WHERE server = ? AND username = ? AND (expire IS NULL OR expire > ?) ORDER BY id",
        RdbmsOfflineBackend::row,
        user.domain(),
        user.localpart(),
        micros(now));
  }

  @Override
  public long count(Jid user) {
    return jdbc.queryOne(
            "SELECT COUNT(*) FROM offline_message WHERE server = ? AND username = ?",
            row -> row.getLong(1),
            user.domain(),
            user.localpart())
        .orElse(0L);
  }

  @Override
  public int delete(Jid user, Collection<Long> ids) {
    List<Long> all = new ArrayList<>(ids);
    int deleted = 0;
    for (int from = 0; from < all.size(); from += DELETE_BATCH) {
      List<Long> batch = all.subList(from, Math.min(all.size(), from + DELETE_BATCH));
      Object[] params = new Object[batch.size() + 2];
      params[0] = user.domain();
      params[1] = user.localpart();
      for (int i = 0; i < batch.size(); i++) {
        params[i + 2] = batch.get(i);
      }
      deleted +=
          jdbc.update(
              "DELETE FROM offline_message WHERE server = ? AND username = ? AND id IN ("
                  + String.join(", ", java.util.Collections.nCopies(batch.size(), "?"))
                  + ")",
              params);
    }
    return deleted;
  }

  @Override
  public int removeUser(Jid user) {
    return jdbc.update(
        "DELETE FROM offline_message WHERE server = ? AND username = ?",
        user.domain(),
        user.localpart());
  }

  @Override
  public int deleteExpired(String domain, Instant now) {
    return jdbc.update(
        "DELETE FROM offline_message WHERE server = ? AND expire IS NOT NULL AND expire <= ?",
        domain,
        micros(now));
  }

  @Override
  public int deleteOlderThan(String domain, Instant before) {
    return jdbc.update(
        "DELETE FROM offline_message WHERE server = ? AND timestamp < ?", domain, micros(before));
  }

  private static OfflineMessage row(ResultSet row) throws SQLException {
    long expire = row.getLong(4);
    boolean noExpiry = row.wasNull();
    return new OfflineMessage(
        row.getLong(1),
        io.meerkat.xmpp.Jid.parse(row.getString(2)),
        instant(row.getLong(3)),
        noExpiry ? null : instant(expire),
        row.getString(5));
  }

  private static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }

  private static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}
