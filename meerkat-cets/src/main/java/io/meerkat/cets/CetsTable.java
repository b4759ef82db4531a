package io.meerkat.cets;

import io.meerkat.cets.rpc.Messenger;
import io.meerkat.cets.rpc.RemoteCallException;
import io.meerkat.cets.transport.NodeId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replicated table on this node: every node of the table's cluster holds a full copy.
 *
 * <h2>Replication semantics</h2>
 *
 * <ul>
 *   <li><b>Reads are local</b> and lock-free ({@link #lookup}, {@link #range}, {@link #dump}): they
 *       see this node's copy, which may lag a write made elsewhere that has not reached us yet.
 *   <li><b>Writes are local-first</b>: applied here, then sent to every peer of this moment; the
 *       synchronous variants return when each of those peers acknowledged or went down (no
 *       timeout). A write returns normally even when a replica died meanwhile: that replica simply
 *       misses it. Writes are never retried.
 *   <li><b>Order</b>: the writes of one node apply in the same order on every replica. There is no
 *       order between writers: two nodes writing one key at the same time may end with each other's
 *       value. Use the leader operations ({@link #insertNew}, {@link #insertNewOrLookup}, {@link
 *       #insertSerial}) for shared keys; uniqueness is checked on the leader's copy only, and
 *       during a netsplit each side has its own leader.
 *   <li><b>Who owns a key</b>: design keys so that one node owns each record (put the owner node in
 *       the key: sessions, routes). Such records never conflict when clusters merge, and cleaning
 *       up after a dead node is "delete where owner = that node". Shared keys need a symmetric
 *       {@link TableOptions#conflictHandler}; without one a merge swaps differing values between
 *       the sides.
 *   <li><b>Nothing is deleted on peer loss</b>: applications remove a dead node's records
 *       themselves ({@link TableOptions#downHandler} tells them, on the server thread).
 *   <li><b>Not supported</b>: persistence, transactions, quorum, secondary indexes, a set type
 *       without order, TTLs. Reconnecting after a netsplit does not re-merge by itself; a join
 *       (normally run by discovery) does, sending each side's records to the other.
 * </ul>
 */
public final class CetsTable<K, R> {

  private static final Logger LOG = LoggerFactory.getLogger(CetsTable.class);

  private final TableServer<K, R> server;
  private final Messenger messenger;
  private final List<Long> leaderRetryDelaysMillis;

  CetsTable(TableServer<K, R> server, Messenger messenger, List<Long> leaderRetryDelaysMillis) {
    this.server = server;
    this.messenger = messenger;
    this.leaderRetryDelaysMillis = List.copyOf(leaderRetryDelaysMillis);
  }

  public String name() {
    return server.options().name();
  }

  public TableOptions<K, R> options() {
    return server.options();
  }

  public ServerId serverId() {
    return server.self();
  }

  /** The leader as last computed by this server (a lock-free read). */
  public ServerId leader() {
    return server.leader();
  }

  // ---- reads (local, lock-free) ----

  public List<R> lookup(K key) {
    return server.store().lookup(key);
  }

  public Optional<R> get(K key) {
    List<R> found = lookup(key);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  public boolean containsKey(K key) {
    return server.store().containsKey(key);
  }

  /** Records with keys in [{@code fromInclusive}, {@code toExclusive}); null bounds are open. */
  public List<R> range(K fromInclusive, K toExclusive) {
    return server.store().range(fromInclusive, toExclusive);
  }

  /** Every record of the local copy, in key order. */
  public List<R> dump() {
    return server.store().dump();
  }

  public int size() {
    return server.store().size();
  }

  // ---- writes ----

  public void insert(R record) {
    await(insertAsync(record));
  }

  public void insertMany(Collection<R> records) {
    await(insertManyAsync(records));
  }

  public void delete(K key) {
    await(deleteAsync(key));
  }

  public void deleteMany(Collection<K> keys) {
    await(deleteManyAsync(keys));
  }

  /** Deletes {@code record} only if the stored record (bags: one of them) equals it. */
  public void deleteObject(R record) {
    await(deleteObjectAsync(record));
  }

  public void deleteObjects(Collection<R> records) {
    await(deleteObjectsAsync(records));
  }

  public CompletableFuture<Void> insertAsync(R record) {
    return write(Op.ofRecords(Op.Kind.INSERT, List.of(record)));
  }

  public CompletableFuture<Void> insertManyAsync(Collection<R> records) {
    return write(Op.ofRecords(Op.Kind.INSERT, List.copyOf(records)));
  }

  public CompletableFuture<Void> deleteAsync(K key) {
    return write(Op.ofKeys(List.of(key)));
  }

  public CompletableFuture<Void> deleteManyAsync(Collection<K> keys) {
    return write(Op.ofKeys(List.copyOf(keys)));
  }

  public CompletableFuture<Void> deleteObjectAsync(R record) {
    return write(Op.ofRecords(Op.Kind.DELETE_OBJECTS, List.of(record)));
  }

  public CompletableFuture<Void> deleteObjectsAsync(Collection<R> records) {
    return write(Op.ofRecords(Op.Kind.DELETE_OBJECTS, List.copyOf(records)));
  }

  private CompletableFuture<Void> write(Op<K, R> op) {
    return server.call(op).thenApply(result -> null);
  }

  // ---- leader operations ----

  /** Inserts unless the leader already has the key; true when inserted. */
  public boolean insertNew(R record) {
    return leaderOp(Op.ofRecords(Op.Kind.INSERT_NEW, List.of(record))).accepted();
  }

  /** Inserts unless the leader already has the key; otherwise returns the leader's records. */
  public InsertNewResult<R> insertNewOrLookup(R record) {
    OpResult<R> result = leaderOp(Op.ofRecords(Op.Kind.INSERT_NEW_OR_LOOKUP, List.of(record)));
    return new InsertNewResult<>(result.accepted(), result.records());
  }

  /** Inserts (overwriting) through the leader, so concurrent writers of a key end consistent. */
  public void insertSerial(R record) {
    leaderOp(Op.ofRecords(Op.Kind.INSERT_SERIAL, List.of(record)));
  }

  /**
   * Sends the op to the current leader, retrying after a wrong-leader answer with the configured
   * delays. If the leader dies during the call the caller gets the failure: retrying could apply
   * the op twice.
   */
  private OpResult<R> leaderOp(Op<K, R> op) {
    for (int attempt = 0; ; attempt++) {
      ServerId leader = server.leader();
      OpResult<R> result;
      if (leader.equals(server.self())) {
        result = await(server.call(op));
      } else {
        byte[] body =
            TableProtocol.header(name(), leader.startId())
                .writeBytes(op.encode(options()))
                .toByteArray();
        result =
            await(
                messenger
                    .call(leader.node(), TableProtocol.CALL, body)
                    .thenApply(in -> OpResults.decode(options(), in)));
      }
      if (result.wrongLeader() == null) {
        return result;
      }
      if (attempt >= leaderRetryDelaysMillis.size()) {
        throw new CetsException("send_leader_op_failed", "no leader accepted " + op.kind());
      }
      LOG.warn(
          "wrong_leader: table {}, {} answered, expected leader {}",
          name(),
          leader,
          result.wrongLeader());
      backOff(leaderRetryDelaysMillis.get(attempt));
    }
  }

  // ---- pause, flush, introspection ----

  /** Holds local writes (they queue, in order) until every pause token is released. */
  public PauseToken pause() {
    return new PauseToken(name(), await(server.pause(server.self().node())));
  }

  /**
   * @throws CetsException {@code unknown_pause_monitor} when the token is not active
   */
  public void unpause(PauseToken token) {
    if (!await(server.unpause(token.id()))) {
      throw new CetsException("unknown_pause_monitor", "no active pause " + token.id());
    }
  }

  /** Returns once this server processed everything sent to it before. */
  public void ping() {
    await(server.ping());
  }

  /**
   * Waits until every peer applied the ops this server sent before the call.
   *
   * @return the peers that could not be pinged, with reasons (empty when all answered)
   */
  public List<String> pingAll() {
    return await(server.pingAll());
  }

  public TableInfo info() {
    return await(server.info(true));
  }

  /** The nodes of the table's cluster, this one included, sorted. */
  public List<NodeId> nodes() {
    return await(server.info(false)).nodes();
  }

  /** The other nodes of the table's cluster, sorted. */
  public List<NodeId> otherNodes() {
    return nodes().stream().filter(n -> !n.equals(server.self().node())).toList();
  }

  /** Debug and test hook: forces the leader flag of this server; null restores the computed one. */
  public void setLeader(Boolean leader) {
    server.forceLeader(leader);
  }

  private static void backOff(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CetsException("interrupted", "leader op retry interrupted", e);
    }
  }

  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof CetsException cets) {
        throw cets;
      }
      if (cause instanceof RemoteCallException remote) {
        throw new CetsException(remote.reason(), remote.getMessage(), remote);
      }
      throw new CetsException("failed", String.valueOf(cause), cause);
    }
  }
}
