package io.meerkat.server.cluster;

import io.meerkat.server.Main;
import io.meerkat.server.testing.GraphqlClient;
import io.meerkat.testkit.FreePorts;
import io.meerkat.testkit.JvmProcess;
import io.meerkat.testkit.JvmProcesses;
import io.meerkat.testkit.PostgresDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Meerkat nodes in separate JVMs on loopback, sharing one PostgreSQL database (accounts, offline
 * messages) and discovering each other through the {@code discovery_nodes} table or a node-list
 * file. Each node has its own install directory with its configuration and data directory.
 */
final class ServerCluster {

  static final String ADMIN_PASSWORD = "admin-secret";
  static final String SECRET = "cluster-secret-of-the-tests";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final String SYSTEM_INFO_FIELDS =
      "availableNodes unavailableNodes joinedNodes discoveredNodes discoveryWorks"
          + " remoteNodesWithoutDisco conflictNodes conflictTables";

  /** Discovery backends. */
  enum Discovery {
    RDBMS,
    FILE
  }

  /** One node's ports; kept across restarts so that clients and the node list stay valid. */
  record Ports(int c2s, int admin, int metrics, int cluster) {}

  private final JvmProcesses processes;
  private final PostgresDatabase database;
  private final Path root;
  private final Discovery discovery;
  private final Map<String, Ports> ports = new LinkedHashMap<>();
  private final Map<String, JvmProcess> running = new LinkedHashMap<>();
  private final HttpClient http = HttpClient.newHttpClient();

  ServerCluster(JvmProcesses processes, PostgresDatabase database, Path root, Discovery discovery) {
    this.processes = processes;
    this.database = database;
    this.root = root;
    this.discovery = discovery;
  }

  Path nodeListFile() {
    return root.resolve("cets_disco.txt");
  }

  /** Starts a node (with a fresh data directory when asked) and waits until it listens. */
  JvmProcess start(String name, boolean emptyDataDir) {
    return start(name, emptyDataDir, nodeListFile());
  }

  /**
   * Starts a file-discovery node whose own node-list file lists only itself and which is not in the
   * shared file: the others can learn of it only from an edit of the shared file.
   */
  JvmProcess startUnlisted(String name) {
    return start(name, false, root.resolve(name + "-own-list.txt"));
  }

  private JvmProcess start(String name, boolean emptyDataDir, Path listFile) {
    Ports p = ports.computeIfAbsent(name, n -> allocatePorts());
    Path home = root.resolve(name);
    try {
      if (emptyDataDir) {
        deleteTree(home.resolve("var"));
      }
      Files.createDirectories(home.resolve("etc"));
      Files.writeString(home.resolve("etc/meerkat.toml"), config(name, home, p, listFile));
      if (discovery == Discovery.FILE) {
        listIn(listFile, name);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JvmProcess process =
        processes.start(
            name,
            Main.class,
            List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
            Map.of("meerkat.home", home.toString()),
            List.of("live", "--config", home.resolve("etc/meerkat.toml").toString()));
    process.awaitLine("Meerkat started", START_TIMEOUT);
    running.put(name, process);
    return process;
  }

  /** Adds the node's line to the node-list file unless it is there. */
  void listInNodeFile(String name) throws IOException {
    listIn(nodeListFile(), name);
  }

  private void listIn(Path file, String name) throws IOException {
    List<String> lines =
        Files.exists(file) ? new ArrayList<>(Files.readAllLines(file)) : new ArrayList<>();
    String line = name + " 127.0.0.1:" + ports.get(name).cluster();
    if (!lines.contains(line)) {
      lines.add(line);
      Files.write(file, lines);
    }
  }

  JvmProcess process(String name) {
    return running.get(name);
  }

  void kill(String name) {
    running.remove(name).kill();
  }

  Ports ports(String name) {
    return ports.get(name);
  }

  GraphqlClient admin(String name) {
    return new GraphqlClient(ports.get(name).admin(), "admin", ADMIN_PASSWORD);
  }

  /** Whether the node answers its readiness probe with 200. */
  boolean ready(String name) {
    HttpResponse<String> response = get(name, "/health/ready");
    return response != null && response.statusCode() == 200;
  }

  /**
   * What every running node says of the cluster, its readiness answer and its {@code cets
   * systemInfo}, for the message of a failed wait.
   */
  String report() {
    StringBuilder report = new StringBuilder();
    for (String name : running.keySet()) {
      HttpResponse<String> ready = get(name, "/health/ready");
      report.append(name).append(": ready ");
      report.append(ready == null ? "no answer" : ready.statusCode() + " " + ready.body());
      GraphqlClient admin = admin(name);
      try {
        // Bounded: a node that hangs must not turn a failed wait into a hung build.
        report
            .append(", systemInfo ")
            .append(
                CompletableFuture.supplyAsync(
                        () -> admin.query("{cets {systemInfo {" + SYSTEM_INFO_FIELDS + "}}}"))
                    .get(10, TimeUnit.SECONDS)
                    .body());
      } catch (ExecutionException | TimeoutException e) {
        report.append(", systemInfo failed: ").append(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        report.append(", interrupted");
      }
      report.append('\n');
    }
    return report.toString();
  }

  /** The node's Prometheus metrics text, or empty when it does not answer. */
  String metrics(String name) {
    HttpResponse<String> response = get(name, "/metrics");
    return response == null ? "" : response.body();
  }

  private HttpResponse<String> get(String name, String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(name).metrics() + path))
              .timeout(Duration.ofSeconds(5))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static Ports allocatePorts() {
    return new Ports(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next());
  }

  private String config(String name, Path home, Ports p, Path listFile) {
    URI url = URI.create(database.jdbcUrl().substring("jdbc:".length()));
    String nodeList =
        discovery == Discovery.FILE ? "  node_list_file = \"" + toml(listFile) + "\"\n" : "";
    return """
        [general]
          hosts = ["localhost"]
          node_name = "%s"
          data_dir = "%s"
          loglevel = "warning"

        [[listen.c2s]]
          port = %d
          ip_address = "127.0.0.1"
          state_timeout = 30000
          tls.mode = "starttls_required"

        [[listen.http]]
          port = %d
          ip_address = "127.0.0.1"
          [[listen.http.handlers.mongoose_graphql_handler]]
            host = "_"
            path = "/api/graphql"
            schema_endpoint = "admin"
            username = "admin"
            password = "%s"

        [[listen.http]]
          port = %d
          ip_address = "127.0.0.1"
          [[listen.http.handlers.meerkat_health_handler]]
            host = "_"
            path = "/health"
          [[listen.http.handlers.mongoose_prometheus_handler]]
            host = "_"
            path = "/metrics"

        [outgoing_pools.rdbms.default.connection]
          driver = "pgsql"
          host = "127.0.0.1"
          port = %d
          database = "%s"
          username = "%s"
          password = "%s"

        [auth]
          password.scram_iterations = 64

        [internal_databases.cets]
          backend = "%s"
          cluster_name = "e2e"
        %s  listen_address = "127.0.0.1"
          port = %d
          secret = "%s"

        [modules.mod_roster]
        [modules.mod_presence]
        [modules.mod_offline]
        [modules.mod_disco]
        [modules.mod_last]
        """
        .formatted(
            name,
            toml(home.resolve("var")),
            p.c2s(),
            p.admin(),
            ADMIN_PASSWORD,
            p.metrics(),
            url.getPort(),
            database.name(),
            database.username(),
            database.password(),
            discovery.name().toLowerCase(Locale.ROOT),
            nodeList,
            p.cluster(),
            SECRET);
  }

  private static String toml(Path path) {
    return path.toAbsolutePath().toString().replace("\\", "/");
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
