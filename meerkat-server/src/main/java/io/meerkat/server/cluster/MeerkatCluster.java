package io.meerkat.server.cluster;

import io.meerkat.cets.CetsNode;
import io.meerkat.cets.DownEvent;
import io.meerkat.cets.discovery.CetsDiscovery;
import io.meerkat.cets.discovery.DiscoveryBackend;
import io.meerkat.cets.discovery.DiscoveryOptions;
import io.meerkat.cets.discovery.FileDiscoveryBackend;
import io.meerkat.cets.discovery.RdbmsDiscoveryBackend;
import io.meerkat.cets.join.ClusterLock;
import io.meerkat.cets.status.CetsStatus;
import io.meerkat.cets.status.SystemInfo;
import io.meerkat.cets.transport.netty.NettyClusterTransport;
import io.meerkat.cets.transport.netty.TransportSettings;
import io.meerkat.server.config.CetsConfig;
import io.meerkat.server.hooks.Hooks;
import io.meerkat.server.router.LocalRouter;
import io.meerkat.server.sm.RemoteSessions;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.server.sm.SessionManager;
import io.meerkat.server.sm.SessionTable;
import io.meerkat.server.storage.Jdbc;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's membership in a cluster: the cluster transport (port 9100 by default), the CETS node
 * with the replicated session table, cross-node session access, the cleanup after lost nodes, and
 * discovery through the {@code discovery_nodes} table or a node-list file. Created by the node
 * before its session manager; {@link #serve} completes the wiring once the router exists, and only
 * then does discovery start, so no other node joins us before we can answer it.
 */
public final class MeerkatCluster implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MeerkatCluster.class);
  private static final long STATUS_TIMEOUT_SECONDS = 3;

  private final CetsConfig config;
  private final DataSource dataSource;
  private final NettyClusterTransport transport;
  private final CetsNode cets;
  private final CetsSessionTable sessionTable;
  private final ClusterSessions remoteSessions;
  private final DeadNodeCleanup cleanup;
  private final ClusterEvents events;
  private final RemovedNodes removed = new RemovedNodes();
  private volatile SessionManager sessions;
  private volatile CetsDiscovery discovery;
  private volatile CetsStatus status;
  private volatile NodeListWatch nodeListWatch;
  private volatile ClusterMetrics metrics;

  private MeerkatCluster(
      CetsConfig config,
      DataSource dataSource,
      String nodeName,
      Hooks hooks,
      ExecutorService executor) {
    this.config = config;
    this.dataSource = dataSource;
    TransportSettings.Builder settings =
        TransportSettings.builder(nodeName, config.secret()).listenAddress(config.listen());
    config.advertisedAddress().map(MeerkatCluster::address).ifPresent(settings::publishedAddress);
    this.transport = NettyClusterTransport.start(settings.build(), removed);
    removed.attach(transport);
    this.cets = new CetsNode(transport);
    this.sessionTable =
        CetsSessionTable.start(
            cets::startTable,
            transport.localNode().incarnation(),
            this::peerLost,
            rows -> executor.execute(() -> afterJoin(rows)));
    this.remoteSessions = new ClusterSessions(transport, executor);
    this.events = new MessengerClusterEvents(transport, remoteSessions.messenger(), executor);
    this.cleanup = new DeadNodeCleanup(sessionTable, cets.clusterLock(), hooks, executor);
    events.subscribe(RemovedNodes.REMOVED, removed::remove);
    events.subscribe(RemovedNodes.READMITTED, removed::readmit);
  }

  /**
   * Starts the cluster transport and the replicated tables.
   *
   * @param dataSource the database of the rdbms discovery backend
   */
  public static MeerkatCluster start(
      CetsConfig config,
      DataSource dataSource,
      String nodeName,
      Hooks hooks,
      ExecutorService executor) {
    MeerkatCluster cluster = new MeerkatCluster(config, dataSource, nodeName, hooks, executor);
    LOG.info(
        "Cluster node {} listening on {}, published as {}",
        nodeName,
        cluster.transport.boundAddress(),
        cluster.transport.publishedAddress());
    return cluster;
  }

  /** The replicated session table. */
  public SessionTable sessionTable() {
    return sessionTable;
  }

  /** How the session manager reaches the other nodes' sessions. */
  public RemoteSessions remoteSessions() {
    return remoteSessions;
  }

  /** Manual membership changes (joinCluster, leaveCluster, removeFromCluster). */
  public ClusterMembership membership() {
    return new ClusterMembership(this, new Jdbc(dataSource));
  }

  /** Locks held on every node of the cluster. */
  public ClusterLocks locks() {
    return name -> {
      ClusterLock.Lease lease = cets.clusterLock().acquire(name);
      return lease::close;
    };
  }

  /** Notices to the other nodes (cache invalidation). */
  public ClusterEvents events() {
    return events;
  }

  /**
   * Serves the other nodes with this node's router and sessions, then starts discovery and the
   * {@code cets_info_*} gauges.
   */
  public void serve(LocalRouter router, SessionManager sessionManager, MeterRegistry registry) {
    this.sessions = sessionManager;
    remoteSessions.serve(router, sessionManager);
    discovery = cets.startDiscovery(discoveryBackend(), DiscoveryOptions.defaults());
    status = new CetsStatus(cets, discovery);
    metrics = new ClusterMetrics(registry, status);
    if (config.backend() == CetsConfig.Backend.FILE) {
      nodeListWatch = new NodeListWatch(config.nodeListFile().orElseThrow(), discovery);
    }
  }

  private DiscoveryBackend discoveryBackend() {
    return switch (config.backend()) {
      case FILE -> new FileDiscoveryBackend(config.nodeListFile().orElseThrow());
      case RDBMS -> {
        InetSocketAddress published = transport.publishedAddress();
        yield new RdbmsDiscoveryBackend(
            dataSource,
            config.clusterName(),
            transport.localNode().name(),
            published.getHostString() + ":" + published.getPort(),
            config.nodeExpiry());
      }
    };
  }

  /** The cluster status ({@code cets systemInfo} and {@code tableInfo}); empty before serving. */
  public Optional<CetsStatus> status() {
    return Optional.ofNullable(status);
  }

  /**
   * Why this node is not ready to serve yet: discovery does not work, or some table has not joined
   * every reachable discovered node. Nodes that are listed but unreachable (a dead node's row until
   * it expires) do not keep the node from being ready.
   */
  public Optional<String> readinessProblem() {
    CetsStatus current = status;
    if (current == null) {
      return Optional.of("the cluster is starting");
    }
    SystemInfo info;
    try {
      info =
          CompletableFuture.supplyAsync(current::systemInfo)
              .get(STATUS_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      return Optional.of("the cluster status did not answer: " + e);
    }
    if (!info.discoveryWorks()) {
      return Optional.of("cluster discovery does not work");
    }
    Set<String> notJoined = new HashSet<>(info.availableNodes());
    info.joinedNodes().forEach(notJoined::remove);
    if (!notJoined.isEmpty()) {
      return Optional.of("tables not yet joined with " + notJoined.stream().sorted().toList());
    }
    return Optional.empty();
  }

  /** This node's name and the address other nodes reach it at. */
  public String nodeName() {
    return transport.localNode().name();
  }

  public InetSocketAddress publishedAddress() {
    return transport.publishedAddress();
  }

  CetsConfig config() {
    return config;
  }

  NettyClusterTransport transport() {
    return transport;
  }

  RemovedNodes removedNodes() {
    return removed;
  }

  Optional<CetsDiscovery> discovery() {
    return Optional.ofNullable(discovery);
  }

  private void peerLost(DownEvent event) {
    cleanup.nodeLost(event.remote().node());
  }

  /**
   * After a join (a netsplit healed), over the rows the other side brought in:
   *
   * <ul>
   *   <li>rows claiming to be this node's that are not open sessions here are stale copies (the
   *       session ended while the other side could not hear of it, or belongs to an earlier run of
   *       this node): this node, their owner, deletes them, so it is done once;
   *   <li>one session per full JID again, the newest (a user reconnected to the other side).
   * </ul>
   */
  private void afterJoin(List<SessionRecord> joinedRows) {
    SessionManager manager = sessions;
    if (manager == null) {
      return;
    }
    String self = transport.localNode().name();
    long incarnation = transport.localNode().incarnation();
    for (SessionRecord row : joinedRows) {
      SessionEntry e = row.entry();
      boolean mine = e.id().node().equals(self);
      if (mine
          && (row.ownerIncarnation() != incarnation || manager.localSession(e.id()).isEmpty())) {
        sessionTable.remove(e.jid(), e.id());
      }
    }
    joinedRows.stream().map(r -> r.entry().jid()).distinct().forEach(manager::resolveDuplicates);
  }

  private static InetSocketAddress address(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("advertised_address must be host:port, got " + hostPort);
    }
    String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
    return new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1)));
  }

  @Override
  public void close() {
    if (nodeListWatch != null) {
      nodeListWatch.close();
    }
    if (metrics != null) {
      metrics.close();
    }
    cets.close();
    transport.close();
  }
}
