package io.meerkat.cets;

import io.meerkat.cets.discovery.CetsDiscovery;
import io.meerkat.cets.discovery.DiscoveryBackend;
import io.meerkat.cets.discovery.DiscoveryOptions;
import io.meerkat.cets.join.ClusterLock;
import io.meerkat.cets.join.JoinCoordinator;
import io.meerkat.cets.join.PauseHolder;
import io.meerkat.cets.rpc.Messenger;
import io.meerkat.cets.transport.ClusterTransport;
import io.meerkat.cets.transport.NodeId;
import io.meerkat.cets.transport.TransportListener;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * One node of a CETS cluster: wires a {@link ClusterTransport} to the replicated tables, the join
 * machinery and (optionally) discovery. The transport is the only thing that differs between a test
 * ({@link io.meerkat.cets.transport.memory.InMemoryNetwork}) and production (the Netty transport).
 * See {@link CetsTable} for the replication semantics.
 *
 * <pre>{@code
 * CetsNode node = new CetsNode(transport);
 * CetsTable<String, Session> sessions = node.startTable(options);
 * node.join("sessions", otherNodeId);  // normally done by discovery
 * }</pre>
 */
public final class CetsNode implements AutoCloseable {

  /** The lock name of every join run by discovery: all joins of a cluster are serialised. */
  public static final String DISCOVERY_LOCK = "cets_discovery";

  private final ClusterTransport transport;
  private final CetsNodeOptions options;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Messenger messenger;
  private final TableRegistry registry;
  private final TableCalls tableCalls;
  private final ClusterLock lock;
  private final PauseHolder pauseHolder;
  private final JoinCoordinator joiner;
  private CetsDiscovery discovery;
  private final List<TransportListener> listeners = new CopyOnWriteArrayList<>();
  private final List<CetsTable<?, ?>> tables = new CopyOnWriteArrayList<>();
  private final List<Consumer<String>> tableListeners = new CopyOnWriteArrayList<>();

  public CetsNode(ClusterTransport transport) {
    this(transport, CetsNodeOptions.defaults());
  }

  public CetsNode(ClusterTransport transport, CetsNodeOptions options) {
    this.transport = transport;
    this.options = options;
    this.messenger = new Messenger(transport);
    this.registry = new TableRegistry(messenger);
    this.tableCalls = new TableCalls(messenger);
    this.lock = new ClusterLock(messenger, transport::connectedNodes);
    this.pauseHolder = new PauseHolder(messenger, tableCalls, transport::connectedNodes);
    this.joiner = new JoinCoordinator(messenger, tableCalls, lock, transport::connectedNodes);
    transport.addListener(
        new TransportListener() {
          @Override
          public void nodeUp(NodeId node) {
            listeners.forEach(l -> l.nodeUp(node));
          }

          @Override
          public void nodeDown(NodeId node, String reason) {
            messenger.nodeDown(node);
            registry.nodeDown(node, reason);
            lock.nodeDown(node);
            pauseHolder.nodeDown(node);
            listeners.forEach(l -> l.nodeDown(node, reason));
          }
        });
  }

  public NodeId id() {
    return transport.localNode();
  }

  public ClusterTransport transport() {
    return transport;
  }

  public Messenger messenger() {
    return messenger;
  }

  /** The cluster-wide lock of joins (exposed for tools and tests). */
  public ClusterLock clusterLock() {
    return lock;
  }

  public TableCalls tableCalls() {
    return tableCalls;
  }

  /** Starts the replica server of a table on this node; one per table name. */
  public <K, R> CetsTable<K, R> startTable(TableOptions<K, R> tableOptions) {
    long startId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    long joinRef = ThreadLocalRandom.current().nextLong();
    TableServer<K, R> server =
        new TableServer<>(
            tableOptions,
            new ServerId(id(), startId),
            joinRef,
            executor,
            messenger,
            transport::connectedNodes);
    registry.add(server);
    CetsTable<K, R> table = new CetsTable<>(server, messenger, options.leaderRetryDelaysMillis());
    tables.add(table);
    tableListeners.forEach(l -> l.accept(tableOptions.name()));
    return table;
  }

  /** Stops the table's server: peers see it go down; its local copy is gone. */
  public void stopTable(String name) {
    TableServer<?, ?> server = registry.get(name);
    if (server != null) {
      server.stop();
      registry.remove(server);
      tables.removeIf(t -> t.name().equals(name));
    }
  }

  public Optional<CetsTable<?, ?>> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The names of the tables running here, sorted. */
  public List<String> tableNames() {
    return registry.names();
  }

  /**
   * Joins this node's copy of {@code table} with the copy on {@code remote} (see {@link
   * JoinCoordinator}); blocks until done.
   *
   * @throws CetsException with the join failure reason
   */
  public void join(String table, NodeId remote) {
    CetsTable<?, ?> local =
        table(table).orElseThrow(() -> new CetsException("noproc", "no table " + table));
    joiner.join(DISCOVERY_LOCK, local, remote);
  }

  /**
   * Starts discovery on this node (at most once): it tracks every table started here and joins it
   * with the nodes the backend lists. Closed with the node.
   */
  public synchronized CetsDiscovery startDiscovery(
      DiscoveryBackend backend, DiscoveryOptions discoveryOptions) {
    if (discovery != null) {
      throw new IllegalStateException("discovery already runs on " + id());
    }
    discovery = new CetsDiscovery(this, backend, discoveryOptions);
    return discovery;
  }

  public synchronized Optional<CetsDiscovery> discovery() {
    return Optional.ofNullable(discovery);
  }

  /** Listens to link events after the tables have processed them. */
  public void addListener(TransportListener listener) {
    listeners.add(listener);
  }

  public void removeListener(TransportListener listener) {
    listeners.remove(listener);
  }

  /** Told the name of every table started from now on. */
  public void onTableStarted(Consumer<String> listener) {
    tableListeners.add(listener);
  }

  /** Stops every table and closes the transport. */
  @Override
  public void close() {
    CetsDiscovery running;
    synchronized (this) {
      running = discovery;
    }
    if (running != null) {
      running.close();
    }
    for (String name : registry.names()) {
      stopTable(name);
    }
    transport.close();
    executor.shutdown();
  }
}
