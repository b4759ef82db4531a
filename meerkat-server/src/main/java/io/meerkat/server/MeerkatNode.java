package io.meerkat.server;

import io.meerkat.server.acl.AccessRules;
import io.meerkat.server.api.ApiServices;
import io.meerkat.server.auth.RdbmsDomainAdminBackend;
import io.meerkat.server.auth.RdbmsUserStore;
import io.meerkat.server.auth.UserStore;
import io.meerkat.server.c2s.C2sServices;
import io.meerkat.server.c2s.C2sSettings;
import io.meerkat.server.cluster.ClusterEvents;
import io.meerkat.server.cluster.ClusterId;
import io.meerkat.server.cluster.ClusterLocks;
import io.meerkat.server.cluster.MeerkatCluster;
import io.meerkat.server.config.C2sListenerConfig;
import io.meerkat.server.config.MeerkatConfig;
import io.meerkat.server.hooks.Hooks;
import io.meerkat.server.http.HttpListener;
import io.meerkat.server.logging.LogLevels;
import io.meerkat.server.metrics.C2sMetrics;
import io.meerkat.server.metrics.Metrics;
import io.meerkat.server.metrics.Readiness;
import io.meerkat.server.metrics.SessionMetrics;
import io.meerkat.server.module.FeatureModule;
import io.meerkat.server.module.ModuleCatalog;
import io.meerkat.server.module.ModuleContext;
import io.meerkat.server.module.PreAuthExtensions;
import io.meerkat.server.net.C2sListener;
import io.meerkat.server.net.EventLoops;
import io.meerkat.server.router.IqHandlers;
import io.meerkat.server.router.LocalRouter;
import io.meerkat.server.sasl.SaslMechanisms;
import io.meerkat.server.sm.LocalSessionTable;
import io.meerkat.server.sm.SessionManager;
import io.meerkat.server.storage.Database;
import io.meerkat.server.tls.CertificateStore;
import io.meerkat.server.tls.ServerSslContexts;
import io.meerkat.server.tls.TlsMaterial;
import io.meerkat.xmpp.StreamError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Meerkat node: the single place where components are created, in dependency order, and
 * stopped in reverse. Tests start whole nodes through {@link #start} with port 0 listeners and read
 * the bound ports back.
 */
public final class MeerkatNode implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MeerkatNode.class);
  private static final int MAX_AUTH_FAILURES = 5;
  private static final long SESSION_TASKS_STOP_SECONDS = 10;

  private final MeerkatConfig config;
  private final Deque<AutoCloseable> stopOrder = new ArrayDeque<>();
  private final List<C2sListener> c2sListeners = new ArrayList<>();
  private final List<HttpListener> httpListeners = new ArrayList<>();
  private final CompletableFuture<Void> stopRequested = new CompletableFuture<>();
  private final Readiness readiness = new Readiness();
  private volatile boolean running;
  private Metrics metrics;
  private final LogLevels logLevels;
  private Database database;
  private UserStore users;
  private SessionManager sessions;
  private Hooks hooks;
  private MeerkatCluster cluster;
  private String clusterId;
  private final List<FeatureModule> modules = new ArrayList<>();

  private MeerkatNode(MeerkatConfig config) {
    this.config = config;
    this.logLevels = new LogLevels(config.general().loglevel());
  }

  /** Starts a node; on failure everything already started is stopped again. */
  public static MeerkatNode start(MeerkatConfig config, ModuleCatalog catalog) {
    MeerkatNode node = new MeerkatNode(config);
    try {
      node.startComponents(catalog);
      return node;
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
  }

  private void startComponents(ModuleCatalog catalog) {
    Path dataDir = config.general().dataDir();
    createDirectories(dataDir);
    metrics = new Metrics();
    stopOrder.push(metrics);
    database = Database.open(config.defaultPool(), dataDir);
    stopOrder.push(database);
    metrics.bindPool(database.dataSource());
    readiness.add("database", this::databaseProblem);
    readiness.add(
        "listeners", () -> running ? Optional.empty() : Optional.of("the node is starting"));
    users = new RdbmsUserStore(database.jdbc(), config.auth().password());
    hooks = new Hooks();
    HashSet<String> hosts = new HashSet<>(config.general().hosts());
    AccessRules access = new AccessRules(config.acl(), config.access(), config.general().hosts());
    clusterId = ClusterId.ensure(database.jdbc());
    ExecutorService sessionExecutor = Executors.newVirtualThreadPerTaskExecutor();
    stopOrder.push(() -> stopSessionTasks(sessionExecutor));
    sessions = startSessions(sessionExecutor);
    LOG.info("Node {} of cluster {}", config.general().nodeName(), clusterId);
    SessionMetrics sessionMetrics = new SessionMetrics(metrics.registry(), hooks, sessions);
    stopOrder.push(sessionMetrics);
    IqHandlers iqHandlers = new IqHandlers();
    LocalRouter router = new LocalRouter(hosts, sessions, iqHandlers, hooks, users::exists);
    PreAuthExtensions preAuth = new PreAuthExtensions();
    ModuleContext context =
        new ModuleContext(
            config,
            hooks,
            iqHandlers,
            router,
            sessions,
            users,
            database,
            access,
            preAuth,
            Clock.systemUTC(),
            cluster == null ? ClusterEvents.NONE : cluster.events(),
            cluster == null ? ClusterLocks.NONE : cluster.locks());
    for (FeatureModule module : catalog.create(context, config.modules())) {
      modules.add(module);
      module.start();
      stopOrder.push(module::stop);
    }
    if (cluster != null) {
      cluster.serve(router, sessions, metrics.registry());
    }
    // One event loop per CPU: loops never block (blocking work runs on virtual threads), and a
    // message between two connections of one loop then crosses no thread at all.
    EventLoops loops = new EventLoops(Runtime.getRuntime().availableProcessors());
    stopOrder.push(loops);
    stopOrder.push(() -> sessions.closeAll(StreamError.of(StreamError.Condition.SYSTEM_SHUTDOWN)));
    C2sServices services =
        new C2sServices(
            hosts,
            config.general().language(),
            users,
            new SaslMechanisms(config.auth()),
            sessions,
            router,
            hooks,
            preAuth,
            access,
            new C2sMetrics(metrics.registry()),
            sessionExecutor,
            NodeKeys.fakeSaltKey(dataDir),
            config.auth().password().scramIterations());
    CertificateStore certificates = new CertificateStore(dataDir, config.general().hosts());
    for (C2sListenerConfig listener : config.c2sListeners()) {
      TlsMaterial material = certificates.material(listener.tls());
      C2sSettings settings =
          new C2sSettings(
              listener.tls().mode(),
              ServerSslContexts.build(listener.tls(), material),
              material,
              listener.maxStanzaSize(),
              listener.stateTimeout(),
              listener.backwardsCompatibleSession(),
              listener.access(),
              MAX_AUTH_FAILURES);
      C2sListener started =
          C2sListener.start(loops, listener, services, settings, shaperRate(listener));
      c2sListeners.add(started);
      stopOrder.push(started);
      LOG.info("Client listener on port {} ({})", started.port(), listener.tls().mode());
    }
    ApiServices api =
        new ApiServices(
            hosts,
            users,
            new RdbmsDomainAdminBackend(database.jdbc(), config.auth().password()),
            sessions,
            router,
            hooks,
            logLevels,
            config.modules().keySet(),
            modules,
            Clock.systemUTC(),
            Instant.now(),
            () -> stopRequested.complete(null),
            Optional.ofNullable(cluster));
    NodeHttp http = new NodeHttp(config, api, metrics, readiness);
    for (HttpListener listener : http.start(loops, sessionExecutor, certificates)) {
      httpListeners.add(listener);
      stopOrder.push(listener);
    }
    running = true;
  }

  /** The session manager: on a local table, or on the cluster's replicated one. */
  private SessionManager startSessions(ExecutorService executor) {
    Duration replacedWait = Duration.ofMillis(config.general().replacedWaitTimeoutMillis());
    String nodeName = config.general().nodeName();
    if (config.cets().isEmpty()) {
      return new SessionManager(nodeName, new LocalSessionTable(), hooks, replacedWait);
    }
    cluster =
        MeerkatCluster.start(config.cets().get(), database.dataSource(), nodeName, hooks, executor);
    stopOrder.push(cluster);
    readiness.add("cluster", cluster::readinessProblem);
    return new SessionManager(
        nodeName, cluster.sessionTable(), cluster.remoteSessions(), hooks, replacedWait);
  }

  private Optional<String> databaseProblem() {
    try (Connection c = database.dataSource().getConnection()) {
      return c.isValid(2) ? Optional.empty() : Optional.of("the database does not answer");
    } catch (SQLException e) {
      return Optional.of("the database is unreachable: " + e.getMessage());
    }
  }

  /** The listener's shaper: a shaper name, or an access rule that names one; 0 = unlimited. */
  private long shaperRate(C2sListenerConfig listener) {
    String name = listener.shaper();
    if (config.shapers().containsKey(name)) {
      return config.shapers().get(name).maxRate();
    }
    if (config.access().rules().containsKey(name)) {
      Object value =
          new AccessRules(config.acl(), config.access(), config.general().hosts())
              .evaluate(name, io.meerkat.xmpp.Jid.ofDomain(config.general().defaultServerDomain()));
      if (value instanceof String s && config.shapers().containsKey(s)) {
        return config.shapers().get(s).maxRate();
      }
    }
    return 0;
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dir, e);
    }
  }

  public MeerkatConfig config() {
    return config;
  }

  /** Ports of the client listeners in configuration order. */
  public List<Integer> c2sPorts() {
    return c2sListeners.stream().map(C2sListener::port).toList();
  }

  /** Ports of the HTTP listeners in configuration order. */
  public List<Integer> httpPorts() {
    return httpListeners.stream().map(HttpListener::port).toList();
  }

  /** Completes when an administrator asked the node to stop ({@code server stop}). */
  public CompletableFuture<Void> stopRequested() {
    return stopRequested;
  }

  /** The readiness conditions; the cluster layer adds its own. */
  public Readiness readiness() {
    return readiness;
  }

  public Metrics metrics() {
    return metrics;
  }

  public UserStore users() {
    return users;
  }

  public SessionManager sessions() {
    return sessions;
  }

  public Hooks hooks() {
    return hooks;
  }

  /** The enabled feature modules, for the APIs built on them. */
  public <T extends FeatureModule> java.util.Optional<T> module(Class<T> type) {
    return modules.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** This node's cluster membership; empty for a node on its own. */
  public Optional<MeerkatCluster> cluster() {
    return Optional.ofNullable(cluster);
  }

  /** The id of the cluster (of the database), created by the first node that started. */
  public String clusterId() {
    return clusterId;
  }

  public LogLevels logLevels() {
    return logLevels;
  }

  public Database database() {
    return database;
  }

  /**
   * Lets the sessions' running tasks finish, for a bounded time: a task stuck on a peer must not
   * keep the node from stopping (its threads are virtual and end with the process).
   */
  private static void stopSessionTasks(ExecutorService executor) throws InterruptedException {
    executor.shutdown();
    if (!executor.awaitTermination(SESSION_TASKS_STOP_SECONDS, TimeUnit.SECONDS)) {
      LOG.warn(
          "Session tasks still running {} s after the stop began; interrupting them",
          SESSION_TASKS_STOP_SECONDS);
      executor.shutdownNow();
    }
  }

  /** Stops everything in reverse start order; errors are logged, the rest still stops. */
  @Override
  public void close() {
    while (!stopOrder.isEmpty()) {
      try {
        stopOrder.pop().close();
      } catch (Exception e) {
        LOG.warn("Error while stopping", e);
      }
    }
  }
}
