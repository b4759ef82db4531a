package io.meerkat.cets;

import io.meerkat.cets.rpc.Messenger;
import io.meerkat.cets.rpc.SerialExecutor;
import io.meerkat.cets.rpc.WireWriter;
import io.meerkat.cets.transport.NodeId;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replica server of one table on one node: an actor whose mailbox serialises every state change
 * (local writes, remote ops, acks, pauses, dumps, peer loss). Reads bypass it and go to the {@link
 * LocalStore}. Client futures are completed on {@code callbacks}, never on the server thread, so a
 * client continuation can never stall the server.
 */
final class TableServer<K, R> {

  private static final Logger LOG = LoggerFactory.getLogger(TableServer.class);
  private static final int RECORD_OVERHEAD_BYTES = 48;
  private static final int DOWN_HISTORY_LIMIT = 100;

  private final TableOptions<K, R> options;
  private final ServerId self;
  private final LocalStore<K, R> store;
  private final SerialExecutor mailbox;
  private final Executor callbacks;
  private final Messenger messenger;
  private final Supplier<Set<NodeId>> connectedNodes;

  // State below is touched only on the mailbox thread.
  private long joinRef;
  private final TreeSet<ServerId> peers = new TreeSet<>();
  private final Map<Long, NodeId> pauses = new LinkedHashMap<>();
  private final ArrayDeque<Runnable> backlog = new ArrayDeque<>();
  private final List<NodeDownRecord> downHistory = new ArrayList<>();
  private final AckTracker acks = new AckTracker();
  private long nextPauseToken;
  private long nextRequestId;

  private volatile ServerId leader;
  private volatile Boolean forcedLeader;
  private volatile boolean stopped;

  TableServer(
      TableOptions<K, R> options,
      ServerId self,
      long joinRef,
      Executor executor,
      Messenger messenger,
      Supplier<Set<NodeId>> connectedNodes) {
    this.options = options;
    this.self = self;
    this.joinRef = joinRef;
    this.store =
        options.type() == TableType.BAG
            ? new BagStore<>(options.keyOrder(), options.keyOf())
            : new OrderedStore<>(options.keyOrder(), options.keyOf());
    this.mailbox = new SerialExecutor(executor, "table " + options.name());
    this.callbacks = executor;
    this.messenger = messenger;
    this.connectedNodes = connectedNodes;
    this.leader = self;
  }

  TableOptions<K, R> options() {
    return options;
  }

  ServerId self() {
    return self;
  }

  LocalStore<K, R> store() {
    return store;
  }

  ServerId leader() {
    return leader;
  }

  boolean isStopped() {
    return stopped;
  }

  /** Debug/test hook: forces the leader flag (null = computed from the peer set). */
  void forceLeader(Boolean value) {
    forcedLeader = value;
  }

  // ---- client operations ----

  CompletableFuture<OpResult<R>> call(Op<K, R> op) {
    CompletableFuture<OpResult<R>> result = new CompletableFuture<>();
    enqueue(() -> handleClientOp(op, result), result);
    return result;
  }

  private void handleClientOp(Op<K, R> op, CompletableFuture<OpResult<R>> result) {
    if (stopped) {
      fail(result, new CetsException("noproc", "table " + options.name() + " stopped"));
      return;
    }
    if (!pauses.isEmpty()) {
      backlog.add(() -> handleClientOp(op, result));
      return;
    }
    OpResult<R> outcome = OpResult.ok();
    if (op.kind().leaderOp()) {
      if (!isLeader()) {
        runCallback(() -> options.wrongLeaderHandler().accept(op.kind().name()));
        complete(result, new OpResult<>(false, List.of(), leader));
        return;
      }
      if (op.kind() != Op.Kind.INSERT_SERIAL) {
        R record = op.records().get(0);
        K key = options.keyOf().apply(record);
        if (store.containsKey(key)) {
          // Rejected on the leader's copy: nothing changes, nothing is replicated.
          complete(result, new OpResult<>(false, store.lookup(key), null));
          return;
        }
        outcome = new OpResult<>(true, List.of(record), null);
      }
    }
    op.applyAsReplica(store);
    replicate(op, result, outcome);
  }

  private void replicate(Op<K, R> op, CompletableFuture<OpResult<R>> result, OpResult<R> outcome) {
    if (peers.isEmpty()) {
      complete(result, outcome);
      return;
    }
    long requestId = ++nextRequestId;
    acks.track(
        requestId,
        Set.copyOf(peers),
        () -> complete(result, outcome),
        reason -> fail(result, new CetsException("noproc", reason)));
    byte[] encoded = op.encode(options);
    for (ServerId peer : peers) {
      WireWriter body = TableProtocol.header(options.name(), peer.startId());
      TableProtocol.writeServer(body, self);
      body.writeLong(requestId).writeLong(joinRef).writeBytes(encoded);
      // No link: the peer-down event for that node completes the ack instead.
      messenger.cast(peer.node(), TableProtocol.OP, body.toByteArray());
    }
  }

  // ---- messages from peers ----

  void remoteOp(ServerId from, long requestId, long ref, byte[] op) {
    mailbox.execute(
        () -> {
          if (ref == joinRef) {
            Op.decode(options, op).applyAsReplica(store);
          } else {
            LOG.info(
                "drop_remote_op: table {} from {} with join ref {} (ours {})",
                options.name(),
                from,
                ref,
                joinRef);
          }
          // Always ack, even a dropped op, so that the writer never waits for us in vain.
          WireWriter body =
              TableProtocol.header(options.name(), from.startId()).writeLong(requestId);
          TableProtocol.writeServer(body, self);
          messenger.cast(from.node(), TableProtocol.ACK, body.toByteArray());
        });
  }

  void ack(long requestId, ServerId from) {
    mailbox.execute(() -> acks.ack(requestId, from));
  }

  void checkServer(ServerId from, long ref) {
    mailbox.execute(
        () -> {
          if (ref == joinRef) {
            return;
          }
          LOG.warn(
              "check_server_failed: table {}: {} has join ref {}, ours {}; disowning it",
              options.name(),
              from,
              ref,
              joinRef);
          sendDown(from, "join_ref_mismatch");
        });
  }

  void serverGone(ServerId server, String reason) {
    mailbox.execute(() -> handlePeerDown(server, reason));
  }

  void nodeDown(NodeId node, String reason) {
    mailbox.execute(
        () -> {
          List<Long> owned = new ArrayList<>();
          pauses.forEach(
              (token, owner) -> {
                if (owner.equals(node)) {
                  owned.add(token);
                }
              });
          for (Long token : owned) {
            LOG.error(
                "pause_owner_crashed: table {}, owner node {} ({})", options.name(), node, reason);
            releasePause(token);
          }
          for (ServerId peer : List.copyOf(peers)) {
            if (peer.node().equals(node)) {
              handlePeerDown(peer, reason);
            }
          }
        });
  }

  /**
   * A peer of ours dropped {@code lost}. If we are still in the same epoch and still list both, we
   * drop it too and tell it to drop us: the cluster must stay fully meshed, and the groups left
   * behind are merged again by the next join. A report from a server we no longer list is stale (it
   * may be the very node being removed) and must not split the rest.
   */
  void peerLost(ServerId from, ServerId lost, long ref) {
    mailbox.execute(
        () -> {
          if (ref != joinRef || !peers.contains(lost) || !peers.contains(from)) {
            return;
          }
          handlePeerDown(lost, "lost by " + from.node());
          sendDown(lost, "partial_netsplit");
        });
  }

  private void handlePeerDown(ServerId server, String reason) {
    if (!peers.remove(server)) {
      LOG.debug("handle_down_failed: table {}, {} is not a peer", options.name(), server);
      return;
    }
    acks.peerDown(server);
    recomputeLeader();
    downHistory.add(new NodeDownRecord(server, reason, Instant.now()));
    if (downHistory.size() > DOWN_HISTORY_LIMIT) {
      downHistory.remove(0);
    }
    LOG.warn("Table {} lost peer {}: {}", options.name(), server, reason);
    tellPeersWeLost(server);
    DownEvent event = new DownEvent(options.name(), server, reason, isLeader());
    runCallback(() -> options.downHandler().accept(event));
  }

  /**
   * Whatever the reason we dropped a peer (its link, its own word, another peer's report), the rest
   * of our group must drop it too. Otherwise a member can keep listing two servers that no longer
   * list each other, and every later join of the two fails on the overlap.
   */
  private void tellPeersWeLost(ServerId gone) {
    for (ServerId peer : peers) {
      WireWriter body = TableProtocol.header(options.name(), peer.startId());
      TableProtocol.writeServer(body, self);
      TableProtocol.writeServer(body, gone);
      body.writeLong(joinRef);
      messenger.cast(peer.node(), TableProtocol.LOST, body.toByteArray());
    }
  }

  private void sendDown(ServerId to, String reason) {
    WireWriter body = TableProtocol.header(options.name(), to.startId());
    TableProtocol.writeServer(body, self);
    body.writeString(reason);
    messenger.cast(to.node(), TableProtocol.DOWN, body.toByteArray());
  }

  // ---- pause, join support ----

  CompletableFuture<Long> pause(NodeId owner) {
    CompletableFuture<Long> result = new CompletableFuture<>();
    enqueue(
        () -> {
          long token = ++nextPauseToken;
          pauses.put(token, owner);
          complete(result, token);
        },
        result);
    return result;
  }

  /** Completes with false for an unknown token ({@code unknown_pause_monitor}). */
  CompletableFuture<Boolean> unpause(long token) {
    CompletableFuture<Boolean> result = new CompletableFuture<>();
    enqueue(() -> complete(result, releasePause(token)), result);
    return result;
  }

  private boolean releasePause(long token) {
    if (pauses.remove(token) == null) {
      return false;
    }
    if (pauses.isEmpty()) {
      // Check epochs before anything of the backlog reaches the peers.
      for (ServerId peer : peers) {
        WireWriter body = TableProtocol.header(options.name(), peer.startId());
        TableProtocol.writeServer(body, self);
        body.writeLong(joinRef);
        messenger.cast(peer.node(), TableProtocol.CHECK, body.toByteArray());
      }
      List<Runnable> replay = new ArrayList<>(backlog);
      backlog.clear();
      replay.forEach(Runnable::run);
    }
    return true;
  }

  CompletableFuture<Void> ping() {
    CompletableFuture<Void> result = new CompletableFuture<>();
    enqueue(() -> complete(result, null), result);
    return result;
  }

  /**
   * Pings every peer after everything this server sent before: when it completes, every op this
   * server replicated earlier has been applied by the live peers. Completes with the failures.
   */
  CompletableFuture<List<String>> pingAll() {
    CompletableFuture<List<String>> result = new CompletableFuture<>();
    enqueue(
        () -> {
          List<ServerId> targets = List.copyOf(peers);
          List<CompletableFuture<String>> pings = new ArrayList<>();
          for (ServerId peer : targets) {
            byte[] body = TableProtocol.header(options.name(), peer.startId()).toByteArray();
            pings.add(
                messenger
                    .call(peer.node(), TableProtocol.PING, body)
                    .handle(
                        (ok, error) -> error == null ? null : peer + ": " + error.getMessage()));
          }
          CompletableFuture.allOf(pings.toArray(CompletableFuture[]::new))
              .thenRun(
                  () ->
                      result.complete(
                          pings.stream()
                              .map(CompletableFuture::join)
                              .filter(e -> e != null)
                              .toList()));
        },
        result);
    return result;
  }

  CompletableFuture<List<byte[]>> dump() {
    CompletableFuture<List<byte[]>> result = new CompletableFuture<>();
    enqueue(
        () -> complete(result, store.dump().stream().map(options.recordCodec()::encode).toList()),
        result);
    return result;
  }

  /**
   * Accepts a join's dump only under a live pause token of the coordinator; then adds the records
   * and the new peers and adopts the new epoch. Completes with false when ignored.
   */
  CompletableFuture<Boolean> sendDump(
      long token, long ref, List<ServerId> newPeers, List<byte[]> records) {
    CompletableFuture<Boolean> result = new CompletableFuture<>();
    enqueue(
        () -> {
          if (!pauses.containsKey(token)) {
            LOG.warn("send_dump_received_when_unpaused: table {}, token {}", options.name(), token);
            complete(result, false);
            return;
          }
          List<R> received = new ArrayList<>(records.size());
          for (byte[] bytes : records) {
            R record = options.recordCodec().decode(bytes);
            store.insert(record);
            received.add(record);
          }
          List<ServerId> added = new ArrayList<>();
          for (ServerId peer : newPeers) {
            if (peer.equals(self)) {
              continue;
            }
            if (peers.add(peer)) {
              added.add(peer);
            } else {
              LOG.info("Table {}: {} is already a peer", options.name(), peer);
            }
          }
          joinRef = ref;
          recomputeLeader();
          Set<NodeId> connected = connectedNodes.get();
          for (ServerId peer : added) {
            if (!connected.contains(peer.node())) {
              // Its node went down before we learned of it: the down event is already behind us.
              handlePeerDown(peer, "noconnection");
            }
          }
          if (!received.isEmpty()) {
            runCallback(() -> options.joinHandler().accept(received));
          }
          complete(result, true);
        },
        result);
    return result;
  }

  CompletableFuture<TableInfo> info(boolean withMemory) {
    CompletableFuture<TableInfo> result = new CompletableFuture<>();
    enqueue(() -> complete(result, snapshot(withMemory)), result);
    return result;
  }

  private TableInfo snapshot(boolean withMemory) {
    TreeSet<NodeId> nodes = new TreeSet<>();
    nodes.add(self.node());
    peers.forEach(p -> nodes.add(p.node()));
    long memory = -1;
    if (withMemory) {
      memory = 0;
      for (R record : store.dump()) {
        memory += options.recordCodec().encode(record).length + RECORD_OVERHEAD_BYTES;
      }
    }
    return new TableInfo(
        options.name(),
        options.type(),
        self,
        List.copyOf(nodes),
        List.copyOf(peers),
        store.size(),
        memory,
        joinRef,
        leader,
        List.copyOf(downHistory),
        pauses.size(),
        backlog.size());
  }

  void stop() {
    mailbox.execute(
        () -> {
          if (stopped) {
            return;
          }
          stopped = true;
          peers.forEach(peer -> sendDown(peer, "stopped"));
          acks.abortAll("table " + options.name() + " stopped");
          List<Runnable> replay = new ArrayList<>(backlog);
          backlog.clear();
          replay.forEach(Runnable::run);
        });
  }

  // ---- helpers ----

  boolean isLeader() {
    Boolean forced = forcedLeader;
    return forced != null ? forced : leader.equals(self);
  }

  private void recomputeLeader() {
    leader = peers.isEmpty() || peers.last().compareTo(self) < 0 ? self : peers.last();
  }

  private void enqueue(Runnable task, CompletableFuture<?> result) {
    if (stopped) {
      fail(result, new CetsException("noproc", "table " + options.name() + " stopped"));
      return;
    }
    mailbox.execute(task);
  }

  private <T> void complete(CompletableFuture<T> future, T value) {
    offThread(() -> future.complete(value));
  }

  private void fail(CompletableFuture<?> future, Throwable error) {
    offThread(() -> future.completeExceptionally(error));
  }

  private void offThread(Runnable completion) {
    try {
      callbacks.execute(completion);
    } catch (RejectedExecutionException e) {
      // The node is shutting down: nothing else runs on this server any more.
      completion.run();
    }
  }

  private void runCallback(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      LOG.error("Callback of table {} failed", options.name(), e);
    }
  }
}
