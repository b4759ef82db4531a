package io.meerkat.cets.cluster;

import io.meerkat.cets.CetsNode;
import io.meerkat.cets.CetsNodeOptions;
import io.meerkat.cets.discovery.DiscoveredNode;
import io.meerkat.cets.discovery.DiscoveryBackend;
import io.meerkat.cets.discovery.DiscoveryOptions;
import io.meerkat.cets.discovery.FileDiscoveryBackend;
import io.meerkat.cets.discovery.RdbmsDiscoveryBackend;
import io.meerkat.cets.status.CetsStatus;
import io.meerkat.cets.transport.netty.NettyClusterTransport;
import io.meerkat.cets.transport.netty.NodeBlockList;
import io.meerkat.cets.transport.netty.TransportSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One cluster node in its own JVM for the multi-process tests and the benchmark: a {@link CetsNode}
 * over the Netty transport on 127.0.0.1 with discovery, running the tables of {@link NodeCommands}.
 * It reads one command per stdin line ({@code <id> <command> <args...>}) and answers each with one
 * stdout line {@code R <id> ok <result>} or {@code R <id> err <reason>}; it exits when stdin ends,
 * so it never outlives the test JVM.
 *
 * <p>Settings are system properties: {@code cets.node} (name), {@code cets.port} (0 = any), {@code
 * cets.discovery} ({@code file:<path>} or {@code rdbms:<jdbc-url>} with {@code cets.db.user} and
 * {@code cets.db.password}), {@code cets.heartbeat} ({@code <interval-ms>,<timeout-ms>}) and {@code
 * cets.poll} (discovery interval in ms, used for every retry type).
 */
public final class ClusterNodeMain {

  /** The secret every node of the tests shares. */
  static final String SECRET = "multi-process-test-secret";

  private ClusterNodeMain() {}

  public static void main(String[] args) throws IOException {
    String name = System.getProperty("cets.node");
    int port = Integer.getInteger("cets.port", 0);
    String[] heartbeat = System.getProperty("cets.heartbeat", "250,2000").split(",");
    Duration poll = Duration.ofMillis(Long.getLong("cets.poll", 500));
    NodeBlockList blockList = new NodeBlockList();
    NettyClusterTransport transport =
        NettyClusterTransport.start(
            TransportSettings.builder(name, SECRET)
                .listenAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .heartbeat(
                    Duration.ofMillis(Long.parseLong(heartbeat[0])),
                    Duration.ofMillis(Long.parseLong(heartbeat[1])))
                .ioThreads(1)
                .build(),
            blockList);
    CetsNode node = new CetsNode(transport, CetsNodeOptions.defaults());
    NodeCommands commands = new NodeCommands(node, transport, blockList);
    DiscoveryBackend backend = backend(name, transport);
    // every interval short, so that tests see polls (file edits, reconnects) within seconds
    DiscoveryOptions options =
        new DiscoveryOptions(poll, Duration.ofMinutes(5), poll, poll, Duration.ofSeconds(30), poll);
    commands.startStatus(new CetsStatus(node, node.startDiscovery(backend, options)));
    System.out.println("READY " + name + " " + transport.boundAddress().getPort());
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null && !line.equals("exit")) {
      String[] words = line.strip().split(" ");
      if (words.length < 2) {
        continue;
      }
      String reply;
      try {
        reply = "ok " + commands.run(words[1], List.of(words).subList(2, words.length));
      } catch (RuntimeException e) {
        reply = "err " + e;
      }
      System.out.println("R " + words[0] + " " + reply);
    }
    node.close();
    System.out.println("BYE " + name);
  }

  private static DiscoveryBackend backend(String name, NettyClusterTransport transport) {
    String spec = System.getProperty("cets.discovery");
    if (spec.startsWith("file:")) {
      return new FileDiscoveryBackend(Path.of(spec.substring("file:".length())));
    }
    if (spec.startsWith("rdbms:")) {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setURL(spec.substring("rdbms:".length()));
      dataSource.setUser(System.getProperty("cets.db.user"));
      dataSource.setPassword(System.getProperty("cets.db.password"));
      return new RdbmsDiscoveryBackend(
          dataSource,
          "multi-process",
          name,
          DiscoveredNode.formatAddress(transport.boundAddress()),
          Duration.ofHours(1));
    }
    throw new IllegalArgumentException("cets.discovery: unknown backend " + spec);
  }
}
