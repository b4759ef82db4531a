package io.meerkat.cets.discovery;

import io.meerkat.cets.CetsException;
import io.meerkat.cets.CetsNode;
import io.meerkat.cets.rpc.SerialExecutor;
import io.meerkat.cets.rpc.WireWriter;
import io.meerkat.cets.transport.NodeId;
import io.meerkat.cets.transport.TransportListener;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the cluster's nodes through a {@link DiscoveryBackend}, connects to them and joins every
 * tracked table with every connected discovered node, one (node, table) at a time.
 *
 * <p>The loop: a poll runs the backend off the discovery thread; triggers arriving while a poll
 * runs are coalesced into one more poll. The next poll is scheduled after {@code after_error} (1 s)
 * if the last failed, {@code initial} (5 s) during the first 5 minutes or until another node's
 * discovery contacts us, {@code after_nodedown} (30 s) while the last node-down is recent, else
 * {@code regular} (5 min). A node coming up and a new table trigger a poll at once; a node going
 * down does not. Unconnected discovered nodes are connected through {@link
 * io.meerkat.cets.transport.ClusterTransport#connect} at their published address; those that fail
 * are listed as unavailable.
 */
public final class CetsDiscovery implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CetsDiscovery.class);
  static final String START_TIME = "cets.disco.startTime";

  /** Request: the tracked tables of a node's discovery, each with its cluster's sorted nodes. */
  public static final String TABLES = "cets.disco.tables";

  private final CetsNode node;
  private final DiscoveryBackend backend;
  private final DiscoveryOptions options;
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("cets-discovery-timer").unstarted(r));
  private final SerialExecutor mailbox;
  private final long startTime = System.currentTimeMillis();
  private final long startNanos = System.nanoTime();
  private final TransportListener listener;

  // State below is touched only on the mailbox.
  private boolean initialPhase = true;
  private final TreeSet<String> tables = new TreeSet<>();
  private List<String> nodes = List.of();
  private final Map<String, InetSocketAddress> addresses = new HashMap<>();
  private final TreeSet<String> unavailable = new TreeSet<>();
  private boolean getNodesRunning;
  private boolean shouldRetryGetNodes;
  private boolean calledYet;
  private String lastError;
  private boolean joinRunning;
  private boolean shouldRetryJoin;
  private final TreeMap<String, String> joinResults = new TreeMap<>();
  private final Map<String, Long> nodeUpNanos = new HashMap<>();
  private final Map<String, Long> nodeDownNanos = new HashMap<>();
  private final Map<String, Long> startTimes = new HashMap<>();
  private Long lastNodeDownNanos;
  private ScheduledFuture<?> timer;
  private final List<CompletableFuture<Void>> readyWaiters = new ArrayList<>();
  private final List<CompletableFuture<Void>> getNodesWaiters = new ArrayList<>();
  private volatile boolean closed;

  /** Starts discovery on {@code node}, tracking every table it runs now or later. */
  public CetsDiscovery(CetsNode node, DiscoveryBackend backend, DiscoveryOptions options) {
    this.node = node;
    this.backend = backend;
    this.options = options;
    this.mailbox = new SerialExecutor(workers, "discovery");
    node.messenger()
        .register(
            START_TIME,
            (from, in, reply) -> {
              long time = in.readLong();
              mailbox.execute(() -> onStartTime(from, time));
            });
    node.messenger()
        .register(
            TABLES,
            (from, in, reply) ->
                mailbox.execute(
                    () -> {
                      if (closed) {
                        reply.error("noproc");
                        return;
                      }
                      trackedTableNodes(List.copyOf(tables))
                          .thenAccept(map -> reply.ok(TableNodes.encode(map)));
                    }));
    this.listener =
        new TransportListener() {
          @Override
          public void nodeUp(NodeId id) {
            mailbox.execute(() -> onNodeUp(id));
          }

          @Override
          public void nodeDown(NodeId id, String reason) {
            mailbox.execute(() -> onNodeDown(id, reason));
          }
        };
    mailbox.execute(
        () -> {
          tables.addAll(node.tableNames());
          node.onTableStarted(this::addTable);
          node.addListener(listener);
          node.transport().connectedNodes().forEach(this::onNodeUp);
          check();
        });
    timers.schedule(
        () -> mailbox.execute(this::enterRegularPhase),
        options.initialPhase().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Tracks a table (a poll follows at once if it is new). */
  public void addTable(String table) {
    mailbox.execute(
        () -> {
          if (tables.add(table)) {
            check();
          }
        });
  }

  /** Stops tracking a table; idempotent. */
  public void deleteTable(String table) {
    mailbox.execute(() -> tables.remove(table));
  }

  /** Triggers a poll now (coalesced with a running one). */
  public void checkNow() {
    mailbox.execute(this::check);
  }

  /** Completes when the readiness conditions of {@link DiscoveryInfo#verifyReady} all hold. */
  public CompletableFuture<Void> waitForReady() {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    mailbox.execute(
        () -> {
          readyWaiters.add(ready);
          checkReady();
        });
    return ready;
  }

  /** Completes at once when no poll runs, else after the running poll and any retry it owes. */
  public CompletableFuture<Void> waitForGetNodes() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    mailbox.execute(
        () -> {
          if (getNodesRunning) {
            getNodesWaiters.add(done);
          } else {
            done.complete(null);
          }
        });
    return done;
  }

  /** For each tracked table running here: the sorted names of its cluster's nodes. */
  public CompletableFuture<Map<String, List<String>>> trackedTableNodes() {
    CompletableFuture<List<String>> names = new CompletableFuture<>();
    mailbox.execute(() -> names.complete(List.copyOf(tables)));
    return names.thenCompose(this::trackedTableNodes);
  }

  private CompletableFuture<Map<String, List<String>>> trackedTableNodes(List<String> names) {
    Map<String, CompletableFuture<List<String>>> infos = new TreeMap<>();
    for (String table : names) {
      infos.put(
          table,
          node.tableCalls()
              .info(node.id(), table, 0, false)
              .thenApply(info -> info.nodes().stream().map(NodeId::name).sorted().toList())
              .exceptionally(e -> null));
    }
    return CompletableFuture.allOf(infos.values().toArray(CompletableFuture[]::new))
        .thenApply(
            ignored -> {
              Map<String, List<String>> result = new TreeMap<>();
              infos.forEach(
                  (table, nodes) -> {
                    if (nodes.join() != null) {
                      result.put(table, nodes.join());
                    }
                  });
              return result;
            });
  }

  public CompletableFuture<DiscoveryInfo> info() {
    CompletableFuture<DiscoveryInfo> result = new CompletableFuture<>();
    mailbox.execute(() -> result.complete(snapshot()));
    return result;
  }

  private void check() {
    if (closed) {
      return;
    }
    if (getNodesRunning) {
      shouldRetryGetNodes = true;
      return;
    }
    getNodesRunning = true;
    LOG.debug("Polling the discovery backend");
    workers.execute(
        () -> {
          List<DiscoveredNode> found = null;
          String error = null;
          try {
            found = backend.getNodes();
          } catch (Exception e) {
            error = e.toString();
            LOG.warn("Discovery backend failed: {}", error);
          }
          List<DiscoveredNode> result = found;
          String failure = error;
          mailbox.execute(() -> onGetNodes(result, failure));
        });
  }

  private void onGetNodes(List<DiscoveredNode> found, String error) {
    getNodesRunning = false;
    calledYet = true;
    lastError = error;
    if (!shouldRetryGetNodes) {
      getNodesWaiters.forEach(w -> w.complete(null));
      getNodesWaiters.clear();
    }
    if (found != null) {
      TreeSet<String> names = new TreeSet<>();
      for (DiscoveredNode d : found) {
        names.add(d.name());
        if (d.address() != null) {
          addresses.put(d.name(), d.address());
        }
      }
      nodes = List.copyOf(names);
      unavailable.retainAll(names);
      connectToUnconnected();
      tryJoining();
    }
    checkReady();
    scheduleNext();
  }

  private void connectToUnconnected() {
    Map<String, NodeId> connected = connectedByName();
    String self = node.id().name();
    for (String name : nodes) {
      if (name.equals(self) || connected.containsKey(name)) {
        continue;
      }
      InetSocketAddress address = addresses.get(name);
      if (address == null) {
        unavailable.add(name);
        continue;
      }
      node.transport()
          .connect(address)
          .whenComplete(
              (peer, error) -> {
                if (error != null) {
                  mailbox.execute(() -> onConnectFailed(name, error));
                }
              });
    }
  }

  private void onConnectFailed(String name, Throwable error) {
    // A late failure for a node that came up meanwhile is ignored.
    if (!connectedByName().containsKey(name)) {
      LOG.debug("Cannot connect to discovered node {}: {}", name, error.toString());
      unavailable.add(name);
      checkReady();
    }
  }

  private void scheduleNext() {
    if (closed) {
      return;
    }
    if (shouldRetryGetNodes) {
      shouldRetryGetNodes = false;
      check();
      return;
    }
    if (timer != null) {
      timer.cancel(false);
    }
    long delay =
        switch (retryType()) {
          case AFTER_ERROR -> options.afterErrorInterval().toMillis();
          case INITIAL -> options.initialInterval().toMillis();
          case AFTER_NODEDOWN -> options.afterNodedownInterval().toMillis();
          case REGULAR -> options.regularInterval().toMillis();
        };
    try {
      timer = timers.schedule(() -> mailbox.execute(this::check), delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.debug("Discovery closed; no further polls");
    }
  }

  RetryType retryType() {
    if (calledYet && lastError != null) {
      return RetryType.AFTER_ERROR;
    }
    if (initialPhase) {
      return RetryType.INITIAL;
    }
    if (lastNodeDownNanos != null
        && System.nanoTime() - lastNodeDownNanos < options.nodedownRecency().toNanos()) {
      return RetryType.AFTER_NODEDOWN;
    }
    return RetryType.REGULAR;
  }

  private void enterRegularPhase() {
    initialPhase = false;
  }

  private void onNodeUp(NodeId id) {
    String name = id.name();
    Long downAt = nodeDownNanos.get(name);
    nodeUpNanos.put(name, System.nanoTime());
    unavailable.remove(name);
    LOG.warn(
        "nodeup: {}, connected_nodes={}, time_since_startup_in_milliseconds={}{}",
        id,
        node.transport().connectedNodes().size(),
        (System.nanoTime() - startNanos) / 1_000_000,
        downAt == null
            ? ""
            : ", downtime_millisecond_duration=" + (System.nanoTime() - downAt) / 1_000_000);
    node.messenger().cast(id, START_TIME, new WireWriter().writeLong(startTime).toByteArray());
    check();
    tryJoining();
  }

  private void onNodeDown(NodeId id, String reason) {
    String name = id.name();
    long now = System.nanoTime();
    Long upAt = nodeUpNanos.remove(name);
    nodeDownNanos.put(name, now);
    lastNodeDownNanos = now;
    unavailable.add(name);
    LOG.warn(
        "nodedown: {} ({}), connected_millisecond_duration={}",
        id,
        reason,
        upAt == null ? "unknown" : String.valueOf((now - upAt) / 1_000_000));
    checkReady();
    // No poll now (the node may be restarting), but no 5-minute wait either: the next poll comes
    // after the after_nodedown interval.
    if (!getNodesRunning) {
      scheduleNext();
    }
  }

  private void onStartTime(NodeId from, long time) {
    Long known = startTimes.put(from.name(), time);
    if (known != null && known == time) {
      LOG.warn("node_reconnects: {} (netsplit recovery)", from);
    }
    initialPhase = false;
  }

  private void tryJoining() {
    if (closed) {
      return;
    }
    if (joinRunning) {
      shouldRetryJoin = true;
      return;
    }
    Map<String, NodeId> connected = connectedByName();
    List<NodeId> targets = new ArrayList<>();
    for (String name : nodes) {
      NodeId id = connected.get(name);
      if (id != null) {
        targets.add(id);
      }
    }
    List<String> tableList = List.copyOf(tables);
    joinRunning = true;
    workers.execute(
        () -> {
          Map<String, String> results = new TreeMap<>();
          for (NodeId target : targets) {
            for (String table : tableList) {
              results.put(target.name() + "/" + table, joinOne(table, target));
            }
          }
          mailbox.execute(() -> onJoinsDone(results));
        });
  }

  private String joinOne(String table, NodeId target) {
    try {
      node.join(table, target);
      return "ok";
    } catch (CetsException e) {
      return e.reason();
    } catch (RuntimeException e) {
      LOG.warn("Join of {} with {} failed", table, target, e);
      return "failed";
    }
  }

  private void onJoinsDone(Map<String, String> results) {
    joinRunning = false;
    results.forEach(
        (key, outcome) -> {
          String previous = joinResults.put(key, outcome);
          if (!outcome.equals(previous) && !"ok".equals(outcome)) {
            LOG.info("Join {}: {}", key, outcome);
          }
        });
    checkReady();
    if (shouldRetryJoin) {
      shouldRetryJoin = false;
      tryJoining();
    }
  }

  private List<String> verifyReady() {
    List<String> unmet = new ArrayList<>();
    if (!calledYet || lastError != null) {
      unmet.add("last get_nodes result is not ok");
    }
    Map<String, NodeId> connected = connectedByName();
    Set<String> expectedUnavailable = new TreeSet<>(nodes);
    expectedUnavailable.remove(node.id().name());
    expectedUnavailable.removeAll(connected.keySet());
    if (!expectedUnavailable.equals(unavailable)) {
      unmet.add(
          "unavailable nodes " + unavailable + " differ from unconnected " + expectedUnavailable);
    }
    for (String name : nodes) {
      if (connected.containsKey(name) && !name.equals(node.id().name())) {
        for (String table : tables) {
          if (!joinResults.containsKey(name + "/" + table)) {
            unmet.add("no join attempt of " + table + " with " + name);
          }
        }
      }
    }
    return unmet;
  }

  private void checkReady() {
    if (!readyWaiters.isEmpty() && verifyReady().isEmpty()) {
      readyWaiters.forEach(w -> w.complete(null));
      readyWaiters.clear();
    }
  }

  private DiscoveryInfo snapshot() {
    return new DiscoveryInfo(
        initialPhase ? "initial" : "regular",
        nodes,
        List.copyOf(unavailable),
        List.copyOf(tables),
        calledYet && lastError == null,
        lastError,
        getNodesRunning,
        Map.copyOf(joinResults),
        verifyReady(),
        retryType());
  }

  private Map<String, NodeId> connectedByName() {
    Map<String, NodeId> byName = new HashMap<>();
    node.transport().connectedNodes().forEach(id -> byName.put(id.name(), id));
    return byName;
  }

  @Override
  public void close() {
    closed = true;
    node.removeListener(listener);
    timers.shutdownNow();
  }
}
