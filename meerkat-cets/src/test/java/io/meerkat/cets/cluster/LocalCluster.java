package io.meerkat.cets.cluster;

import io.meerkat.testkit.FreePorts;
import io.meerkat.testkit.JvmProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cluster nodes in separate JVMs on 127.0.0.1 finding each other through a node-list file. Each
 * node name gets a free port once, so a restarted node comes back at the same address.
 */
final class LocalCluster {

  /** Small, quick-starting JVMs: the suite starts about a dozen of them. */
  static final List<String> JVM_OPTIONS =
      List.of(
          "-Xshare:auto",
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-Xss512k",
          "-Xmx128m",
          "--enable-native-access=ALL-UNNAMED");

  /** Heartbeat every 250 ms, a silent peer is down after 2 s. */
  static final String HEARTBEAT = "250,2000";

  private final JvmProcesses processes;
  private final Path nodeList;
  private final Map<String, Integer> ports = new HashMap<>();
  private final List<String> jvmOptions;

  LocalCluster(JvmProcesses processes, Path dir) {
    this(processes, dir, JVM_OPTIONS);
  }

  LocalCluster(JvmProcesses processes, Path dir, List<String> jvmOptions) {
    this.processes = processes;
    this.nodeList = dir.resolve("nodes.txt");
    this.jvmOptions = jvmOptions;
  }

  Path nodeList() {
    return nodeList;
  }

  int port(String name) {
    return ports.computeIfAbsent(name, n -> FreePorts.next());
  }

  /** Writes the node-list file (replacing it atomically, so a poll never reads half a file). */
  void writeNodeList(String... names) {
    writeNodeList(nodeList, names);
  }

  /** Writes a node-list file listing {@code names} at their ports. */
  void writeNodeList(Path file, String... names) {
    StringBuilder text = new StringBuilder("# written by the test\n");
    for (String name : names) {
      text.append(name).append(" 127.0.0.1:").append(port(name)).append('\n');
    }
    try {
      Path tmp = Files.createTempFile(file.getParent(), "nodes", ".tmp");
      Files.writeString(tmp, text);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts a node (a fresh incarnation when the name ran before) without waiting for it. */
  NodeProcess start(String name) {
    return start(name, nodeList);
  }

  /** Starts a node reading its own node-list file. */
  NodeProcess start(String name, Path nodeListFile) {
    Map<String, String> properties = new HashMap<>();
    properties.put("cets.node", name);
    properties.put("cets.port", String.valueOf(port(name)));
    properties.put("cets.discovery", "file:" + nodeListFile);
    properties.put("cets.heartbeat", HEARTBEAT);
    properties.put("cets.poll", "500");
    return new NodeProcess(
        name, processes.start(name, ClusterNodeMain.class, jvmOptions, properties, List.of()));
  }

  /** Starts the nodes in the given order, then waits until each listens. */
  List<NodeProcess> startAll(String... names) {
    List<NodeProcess> started = new ArrayList<>();
    for (String name : names) {
      started.add(start(name));
    }
    started.forEach(NodeProcess::awaitReady);
    return started;
  }
}
