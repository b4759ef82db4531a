package io.meerkat.cets;

import static org.awaitility.Awaitility.await;

import io.meerkat.cets.transport.memory.InMemoryNetwork;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Several {@link CetsNode}s on one {@link InMemoryNetwork}, for tests. */
public final class TestCluster implements AutoCloseable {

  private final InMemoryNetwork network = new InMemoryNetwork();
  private final Map<String, CetsNode> nodes = new LinkedHashMap<>();
  private final CetsNodeOptions options;

  public TestCluster() {
    this(new CetsNodeOptions(List.of(10L, 20L, 50L)));
  }

  public TestCluster(CetsNodeOptions options) {
    this.options = options;
  }

  public InMemoryNetwork network() {
    return network;
  }

  /** Starts (or restarts, with a new incarnation) a node. */
  public CetsNode start(String name) {
    CetsNode old = nodes.remove(name);
    if (old != null) {
      old.close();
    }
    CetsNode node = new CetsNode(network.createTransport(name), options);
    nodes.put(name, node);
    return node;
  }

  public List<CetsNode> start(String... names) {
    List<CetsNode> started = new ArrayList<>();
    for (String name : names) {
      started.add(start(name));
    }
    return started;
  }

  public CetsNode node(String name) {
    return nodes.get(name);
  }

  /** Connects {@code a} to {@code b} and waits until both see the link. */
  public void connect(CetsNode a, CetsNode b) {
    a.transport().connect(InMemoryNetwork.addressOf(b.id().name())).join();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                a.transport().connectedNodes().contains(b.id())
                    && b.transport().connectedNodes().contains(a.id()));
  }

  /** Connects every pair. */
  public void mesh(List<CetsNode> members) {
    for (int i = 0; i < members.size(); i++) {
      for (int j = i + 1; j < members.size(); j++) {
        connect(members.get(i), members.get(j));
      }
    }
  }

  /** Starts the same table on each node. */
  public <K, R> List<CetsTable<K, R>> startTable(
      List<CetsNode> members, Function<String, TableOptions<K, R>> options, String name) {
    List<CetsTable<K, R>> tables = new ArrayList<>();
    for (CetsNode node : members) {
      tables.add(node.startTable(options.apply(name)));
    }
    return tables;
  }

  public void kill(String name) {
    CetsNode node = nodes.remove(name);
    if (node != null) {
      node.close();
    }
  }

  @Override
  public void close() {
    nodes.values().forEach(CetsNode::close);
    network.close();
  }
}
