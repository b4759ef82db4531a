package io.meerkat.cets.join;

import io.meerkat.cets.CetsException;
import io.meerkat.cets.CetsTable;
import io.meerkat.cets.ServerId;
import io.meerkat.cets.TableCalls;
import io.meerkat.cets.TableInfo;
import io.meerkat.cets.rpc.Messenger;
import io.meerkat.cets.rpc.RemoteCallException;
import io.meerkat.cets.rpc.WireWriter;
import io.meerkat.cets.transport.NodeId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges the cluster of a local table with the cluster of the same table on another node.
 *
 * <p>Under the cluster lock: both member sets are read and checked (disjoint, every cross pair of
 * nodes connected, each side fully meshed with one epoch); every member is paused by this node and,
 * through {@link PauseHolder}, by every other node involved; in-flight ops are flushed; both sides
 * are dumped and checked again; the merged records, the other side's members and a new epoch are
 * sent to each member under its pause token; finally everything is unpaused, whatever happened.
 *
 * <p>Failure reasons ({@link CetsException#reason()}): {@code join_with_the_same_server}, {@code
 * already_joined}, {@code check_do_not_overlap_failed}, {@code
 * check_could_reach_each_other_failed}, {@code check_fully_connected_failed}, {@code
 * check_same_join_ref_failed}, {@code pause_failed}, {@code ping_all_failed}, or the reason of a
 * failed call ({@code noproc}, {@code node_down}).
 */
public final class JoinCoordinator {

  private static final Logger LOG = LoggerFactory.getLogger(JoinCoordinator.class);
  private static final String REACHES = "cets.join.reaches";

  private final Messenger messenger;
  private final TableCalls tables;
  private final ClusterLock lock;
  private final Supplier<Set<NodeId>> connectedNodes;

  public JoinCoordinator(
      Messenger messenger,
      TableCalls tables,
      ClusterLock lock,
      Supplier<Set<NodeId>> connectedNodes) {
    this.messenger = messenger;
    this.tables = tables;
    this.lock = lock;
    this.connectedNodes = connectedNodes;
    messenger.register(
        REACHES,
        (from, in, reply) ->
            reply.ok(
                new WireWriter()
                    .writeBoolean(connectedNodes.get().contains(in.readNode()))
                    .toByteArray()));
  }

  /**
   * Joins the cluster of {@code local} with the cluster of the same table on {@code remote}.
   * Returns normally when joined (also when both were already one cluster once the lock was held).
   */
  public <K, R> void join(String lockName, CetsTable<K, R> local, NodeId remote) {
    if (remote.equals(messenger.localNode())) {
      throw new CetsException(
          "join_with_the_same_server", "cannot join " + local.name() + " with itself");
    }
    TableInfo localInfo = info(local.name(), local.serverId());
    TableInfo remoteInfo = await(tables.info(remote, local.name(), 0, false));
    if (localInfo.otherServers().contains(remoteInfo.self())) {
      throw new CetsException("already_joined", local.name() + " already includes " + remote);
    }
    try (ClusterLock.Lease ignored = lock.acquire(lockName)) {
      joinLocked(local, remoteInfo.self());
    }
  }

  private <K, R> void joinLocked(CetsTable<K, R> local, ServerId remoteServer) {
    String table = local.name();
    TableInfo l = info(table, local.serverId());
    TableInfo r = info(table, remoteServer);
    Set<ServerId> ls = members(l);
    Set<ServerId> rs = members(r);
    if (ls.equals(rs)) {
      return;
    }
    if (!disjoint(ls, rs)) {
      LOG.warn("check_do_not_overlap_failed: table {}: {} and {}", table, ls, rs);
      throw new CetsException("check_do_not_overlap_failed", ls + " and " + rs + " overlap");
    }
    checkCouldReachEachOther(nodes(ls), nodes(rs));
    checkFullyConnected(table, ls);
    checkFullyConnected(table, rs);
    long joinId = ThreadLocalRandom.current().nextLong();
    Map<ServerId, Long> tokens = new HashMap<>();
    List<NodeId> holders = new ArrayList<>();
    try {
      pauseAll(table, ls, rs, joinId, tokens, holders);
      flush(table, l.self(), r.self());
      List<byte[]> localDump = await(tables.dump(table, l.self()));
      List<byte[]> remoteDump = await(tables.dump(table, r.self()));
      checkFullyConnected(table, ls);
      checkFullyConnected(table, rs);
      DumpMerge.Result merged = DumpMerge.merge(local.options(), localDump, remoteDump);
      long epoch = ThreadLocalRandom.current().nextLong();
      List<CompletableFuture<Void>> sends = new ArrayList<>();
      for (ServerId p : ls) {
        sends.add(
            tables.sendDump(table, p, tokens.get(p), epoch, List.copyOf(rs), merged.toLocal()));
      }
      for (ServerId p : rs) {
        sends.add(
            tables.sendDump(table, p, tokens.get(p), epoch, List.copyOf(ls), merged.toRemote()));
      }
      for (CompletableFuture<Void> send : sends) {
        // A member that failed to take its dump is cut off later by the epoch check.
        send.handle((ok, error) -> error).join();
      }
    } finally {
      List<CompletableFuture<Void>> unpauses = new ArrayList<>();
      tokens.forEach((server, token) -> unpauses.add(tables.unpause(table, server, token)));
      unpauses.forEach(u -> u.handle((ok, e) -> e).join());
      byte[] release = new WireWriter().writeLong(joinId).toByteArray();
      List<CompletableFuture<?>> releases = new ArrayList<>();
      holders.forEach(node -> releases.add(messenger.call(node, PauseHolder.RELEASE, release)));
      releases.forEach(done -> done.handle((ok, e) -> e).join());
    }
  }

  private void pauseAll(
      String table,
      Set<ServerId> ls,
      Set<ServerId> rs,
      long joinId,
      Map<ServerId, Long> tokens,
      List<NodeId> holders) {
    List<ServerId> all = new ArrayList<>(ls);
    all.addAll(rs);
    Map<ServerId, CompletableFuture<Long>> pauses = new HashMap<>();
    all.forEach(s -> pauses.put(s, tables.pause(table, s)));
    List<String> failed = new ArrayList<>();
    pauses.forEach(
        (server, future) -> {
          // Every successful pause is recorded, so that the caller's finally releases it.
          Object outcome = future.handle((token, e) -> e == null ? token : e).join();
          if (outcome instanceof Long token) {
            tokens.put(server, token);
          } else {
            failed.add(server + ": " + outcome);
          }
        });
    if (!failed.isEmpty()) {
      throw new CetsException("pause_failed", String.join(", ", failed));
    }
    List<PauseHolder.Target> targets =
        all.stream().map(s -> new PauseHolder.Target(table, s)).toList();
    byte[] request = PauseHolder.holdRequest(joinId, targets);
    Map<NodeId, CompletableFuture<?>> holds = new HashMap<>();
    for (NodeId node : nodes(new HashSet<>(all))) {
      if (!node.equals(messenger.localNode())) {
        holders.add(node);
        holds.put(node, messenger.call(node, PauseHolder.HOLD, request));
      }
    }
    List<String> failures = new ArrayList<>();
    holds.forEach(
        (node, hold) -> {
          Throwable error = hold.handle((ok, e) -> e).join();
          if (error != null) {
            failures.add(node + ": " + error.getMessage());
          }
        });
    if (!failures.isEmpty()) {
      throw new CetsException("pause_failed", String.join(", ", failures));
    }
  }

  private void flush(String table, ServerId l, ServerId r) {
    for (ServerId server : List.of(l, r)) {
      Throwable error = tables.pingAll(table, server).handle((ok, e) -> e).join();
      if (error != null) {
        throw new CetsException("ping_all_failed", server + ": " + error.getMessage());
      }
    }
  }

  private void checkCouldReachEachOther(Set<NodeId> left, Set<NodeId> right) {
    Set<List<NodeId>> pairs = new HashSet<>();
    for (NodeId a : left) {
      for (NodeId b : right) {
        if (!a.equals(b)) {
          pairs.add(a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a));
        }
      }
    }
    for (List<NodeId> pair : pairs) {
      NodeId a = pair.get(0);
      NodeId b = pair.get(1);
      boolean reaches =
          messenger
              .call(a, REACHES, new WireWriter().writeNode(b).toByteArray())
              .handle((in, e) -> e == null && in.readBoolean())
              .join();
      if (!reaches) {
        throw new CetsException("check_could_reach_each_other_failed", a + " cannot reach " + b);
      }
    }
  }

  private void checkFullyConnected(String table, Set<ServerId> side) {
    Set<Long> refs = new HashSet<>();
    for (ServerId member : side) {
      TableInfo info;
      try {
        info = info(table, member);
      } catch (CetsException e) {
        throw new CetsException("check_fully_connected_failed", member + ": " + e.getMessage(), e);
      }
      if (!members(info).equals(side)) {
        throw new CetsException(
            "check_fully_connected_failed", member + " sees " + members(info) + ", not " + side);
      }
      refs.add(info.joinRef());
    }
    if (refs.size() > 1) {
      throw new CetsException("check_same_join_ref_failed", side + " have join refs " + refs);
    }
  }

  private TableInfo info(String table, ServerId server) {
    return await(tables.info(server.node(), table, server.startId(), false));
  }

  private static Set<ServerId> members(TableInfo info) {
    Set<ServerId> members = new TreeSet<>(info.otherServers());
    members.add(info.self());
    return members;
  }

  private static Set<NodeId> nodes(Set<ServerId> servers) {
    Set<NodeId> nodes = new TreeSet<>();
    servers.forEach(s -> nodes.add(s.node()));
    return nodes;
  }

  private static boolean disjoint(Set<ServerId> a, Set<ServerId> b) {
    return a.stream().noneMatch(b::contains);
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RemoteCallException remote) {
        throw new CetsException(remote.reason(), remote.getMessage(), remote);
      }
      throw e;
    }
  }
}
