package io.meerkat.server.cluster;

import io.meerkat.cets.CetsTable;
import io.meerkat.cets.Codec;
import io.meerkat.cets.DownEvent;
import io.meerkat.cets.TableOptions;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.server.sm.SessionId;
import io.meerkat.server.sm.SessionTable;
import io.meerkat.xmpp.Jid;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The session table replicated on every node of the cluster ({@code cets_session}). Reads are
 * local; each node writes only its own sessions' rows (the node-down cleanup excepted), and a write
 * returns once every other node has it.
 */
final class CetsSessionTable implements SessionTable {

  static final String NAME = "cets_session";

  private final CetsTable<String, SessionRecord> table;
  private final long incarnation;

  private CetsSessionTable(CetsTable<String, SessionRecord> table, long incarnation) {
    this.table = table;
    this.incarnation = incarnation;
  }

  /**
   * Starts the table on this node.
   *
   * @param starter starts a CETS table (the node's {@code startTable})
   * @param incarnation this node's process incarnation, stored with every row it writes
   * @param onPeerDown told when a peer replica is lost (on the table's thread: must not block)
   * @param onJoined told of the rows a join brought in (same restriction)
   */
  static CetsSessionTable start(
      Function<TableOptions<String, SessionRecord>, CetsTable<String, SessionRecord>> starter,
      long incarnation,
      Consumer<DownEvent> onPeerDown,
      Consumer<List<SessionRecord>> onJoined) {
    TableOptions<String, SessionRecord> options =
        TableOptions.builder(NAME, SessionRecord::key, SessionRecord.CODEC, Codec.utf8())
            .downHandler(onPeerDown)
            .joinHandler(onJoined)
            .build();
    return new CetsSessionTable(starter.apply(options), incarnation);
  }

  @Override
  public void put(SessionEntry entry) {
    table.insert(SessionRecord.of(entry, incarnation));
  }

  @Override
  public void remove(Jid fullJid, SessionId id) {
    table.delete(SessionRecord.key(fullJid, id));
  }

  @Override
  public Optional<SessionEntry> lookup(Jid fullJid) {
    return lookupAll(fullJid).stream().max(SessionEntry.NEWEST_LAST);
  }

  @Override
  public List<SessionEntry> lookupAll(Jid fullJid) {
    String prefix = SessionRecord.prefix(fullJid);
    return entries(table.range(prefix, SessionRecord.rangeEnd(prefix)));
  }

  @Override
  public List<SessionEntry> lookupBare(Jid bareJid) {
    String prefix = SessionRecord.userPrefix(bareJid);
    return newestPerResource(table.range(prefix, SessionRecord.rangeEnd(prefix)));
  }

  @Override
  public List<SessionEntry> listDomain(String domain) {
    return all().stream().filter(e -> e.jid().domain().equals(domain)).toList();
  }

  @Override
  public List<SessionEntry> all() {
    List<SessionEntry> result = new ArrayList<>(entries(table.dump()));
    result.sort(Comparator.comparing(SessionEntry::jid));
    return result;
  }

  @Override
  public long count() {
    return table.size();
  }

  /** The rows written by one incarnation of a node. */
  List<SessionRecord> ownedBy(String node, long ownerIncarnation) {
    return table.dump().stream().filter(r -> r.ownedBy(node, ownerIncarnation)).toList();
  }

  /** Deletes rows of another node (its cleanup). */
  void deleteRows(Collection<SessionRecord> rows) {
    table.deleteMany(rows.stream().map(SessionRecord::key).toList());
  }

  CetsTable<String, SessionRecord> cetsTable() {
    return table;
  }

  private static List<SessionEntry> entries(List<SessionRecord> rows) {
    return rows.stream().map(SessionRecord::entry).toList();
  }

  private static List<SessionEntry> newestPerResource(List<SessionRecord> rows) {
    Map<String, SessionEntry> byResource = new LinkedHashMap<>();
    for (SessionRecord r : rows) {
      byResource.merge(
          r.entry().jid().resource(),
          r.entry(),
          (a, b) -> SessionEntry.NEWEST_LAST.compare(a, b) >= 0 ? a : b);
    }
    return List.copyOf(byResource.values());
  }
}
