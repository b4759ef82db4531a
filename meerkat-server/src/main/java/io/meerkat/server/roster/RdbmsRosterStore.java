package io.meerkat.server.roster;

import io.meerkat.server.storage.Jdbc;
import io.meerkat.xmpp.Jid;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rosters in {@code rosterusers}, {@code rostergroups} and {@code roster_version}. */
public final class RdbmsRosterStore implements RosterStore {

  private static final String COLUMNS =
      "jid, nick, subscription, pending_out, pending_in, approved, visible, askmessage";

  private final Jdbc jdbc;

  public RdbmsRosterStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<RosterItem> items(Jid user) {
    return jdbc.inTransaction(c -> load(c, user, null));
  }

  @Override
  public Optional<RosterItem> item(Jid user, Jid contact) {
    List<RosterItem> items = jdbc.inTransaction(c -> load(c, user, contact));
    return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
  }

  private static List<RosterItem> load(Connection c, Jid user, Jid contact) throws SQLException {
    String filter = contact == null ? "" : " AND jid = ?";
    Object[] params =
        contact == null
            ? new Object[] {user.domain(), user.localpart()}
            : new Object[] {user.domain(), user.localpart(), contact.toString()};
    Map<String, List<String>> groups = new HashMap<>();
    for (String[] row :
        Jdbc.query(
            c,
            "SELECT jid, grp FROM rostergroups WHERE server = ? AND username = ?"
                + filter
                + " ORDER BY grp",
            rs -> new String[] {rs.getString(1), rs.getString(2)},
            params)) {
      groups.computeIfAbsent(row[0], k -> new ArrayList<>()).add(row[1]);
    }
    return Jdbc.query(
        c,
        "SELECT "
            + COLUMNS
            + " FROM rosterusers WHERE server = ? AND username = ?"
            + filter
            + " ORDER BY jid",
        rs ->
            new RosterItem(
                Jid.parse(rs.getString(1)),
                rs.getString(2),
                Subscription.parse(rs.getString(3)),
                rs.getBoolean(4),
                rs.getBoolean(5),
                rs.getBoolean(6),
                rs.getBoolean(7),
                rs.getString(8),
                groups.getOrDefault(rs.getString(1), List.of())),
        params);
  }

  @Override
  public long version(Jid user) {
    return jdbc.queryOne(
            "SELECT version FROM roster_version WHERE server = ? AND username = ?",
            rs -> rs.getLong(1),
            user.domain(),
            user.localpart())
        .orElse(0L);
  }

  @Override
  public long put(Jid user, RosterItem item) {
    return jdbc.inTransactionRetrying(
        c -> {
          String contact = item.contact().toString();
          int updated =
              Jdbc.update(
                  c,
                  "UPDATE rosterusers SET nick = ?, subscription = ?, pending_out = ?, pending_in = ?,"
                      + " approved = ?, visible = ?, askmessage = ? WHERE server = ? AND username = ?"
                      + " AND jid = ?",
                  item.name(),
                  item.subscription().attributeValue(),
                  item.pendingOut(),
                  item.pendingIn(),
                  item.approved(),
                  item.visible(),
                  item.askMessage(),
                  user.domain(),
                  user.localpart(),
                  contact);
          if (updated == 0) {
            Jdbc.update(
                c,
                "INSERT INTO rosterusers (server, username, "
                    + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                user.domain(),
                user.localpart(),
                contact,
                item.name(),
                item.subscription().attributeValue(),
                item.pendingOut(),
                item.pendingIn(),
                item.approved(),
                item.visible(),
                item.askMessage());
          }
          Jdbc.update(
              c,
              "DELETE FROM rostergroups WHERE server = ? AND username = ? AND jid = ?",
              user.domain(),
              user.localpart(),
              contact);
          for (String group : item.groups()) {
            Jdbc.update(
                c,
                "INSERT INTO rostergroups (server, username, jid, grp) VALUES (?, ?, ?, ?)",
                user.domain(),
                user.localpart(),
                contact,
                group);
          }
          return bump(c, user);
        });
  }

  @Override
  public long remove(Jid user, Jid contact) {
    return jdbc.inTransactionRetrying(
        c -> {
          Object[] key = {user.domain(), user.localpart(), contact.toString()};
          Jdbc.update(
              c, "DELETE FROM rostergroups WHERE server = ? AND username = ? AND jid = ?", key);
          Jdbc.update(
              c, "DELETE FROM rosterusers WHERE server = ? AND username = ? AND jid = ?", key);
          return bump(c, user);
        });
  }

  @Override
  public void removeAll(Jid user) {
    jdbc.inTransaction(
        c -> {
          for (String table : new String[] {"rostergroups", "rosterusers", "roster_version"}) {
            Jdbc.update(
                c,
                "DELETE FROM " + table + " WHERE server = ? AND username = ?",
                user.domain(),
                user.localpart());
          }
          return null;
        });
  }

  /** Bumps and returns the roster version; the row lock serialises concurrent writers. */
  private static long bump(Connection c, Jid user) throws SQLException {
    int updated =
        Jdbc.update(
            c,
            "UPDATE roster_version SET version = version + 1 WHERE server = ? AND username = ?",
            user.domain(),
            user.localpart());
    if (updated == 0) {
      Jdbc.update(
          c,
          "INSERT INTO roster_version (server, username, version) VALUES (?, ?, 1)",
          user.domain(),
          user.localpart());
      return 1;
    }
    return Jdbc.query(
            c,
            "SELECT version FROM roster_version WHERE server = ? AND username = ?",
            rs -> rs.getLong(1),
            user.domain(),
            user.localpart())
        .get(0);
  }
}
