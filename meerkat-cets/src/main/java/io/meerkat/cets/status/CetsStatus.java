package io.meerkat.cets.status;

import io.meerkat.cets.CetsNode;
import io.meerkat.cets.TableInfo;
import io.meerkat.cets.discovery.CetsDiscovery;
import io.meerkat.cets.discovery.DiscoveryInfo;
import io.meerkat.cets.discovery.TableNodes;
import io.meerkat.cets.transport.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/** Computes the cluster health report and the table list of one node. */
public final class CetsStatus {

  private final CetsNode node;
  private final CetsDiscovery discovery;

  public CetsStatus(CetsNode node, CetsDiscovery discovery) {
    this.node = node;
    this.discovery = discovery;
  }

  /** The health report; asks every connected node's discovery for its tables. */
  public SystemInfo systemInfo() {
    DiscoveryInfo disco = discovery.info().join();
    String self = node.id().name();
    Map<String, List<String>> expected = discovery.trackedTableNodes().join();
    Map<String, CompletableFuture<Map<String, List<String>>>> asks = new TreeMap<>();
    for (NodeId peer : node.transport().connectedNodes()) {
      asks.put(
          peer.name(),
          node.messenger()
              .call(peer, CetsDiscovery.TABLES, new byte[0])
              .thenApply(TableNodes::decode)
              .exceptionally(e -> null));
    }
    Map<String, Map<String, List<String>>> remote = new TreeMap<>();
    asks.forEach(
        (name, ask) -> {
          Map<String, List<String>> tables = ask.join();
          if (tables != null) {
            remote.put(name, tables);
          }
        });
    TreeSet<String> online = new TreeSet<>(asks.keySet());
    online.add(self);
    TreeSet<String> available = new TreeSet<>(remote.keySet());
    available.add(self);
    TreeSet<String> joined = new TreeSet<>();
    joined.add(self);
    TreeSet<String> unknownTables = new TreeSet<>();
    TreeSet<String> nodesWithUnknown = new TreeSet<>();
    TreeSet<String> missingTables = new TreeSet<>();
    TreeSet<String> nodesWithMissing = new TreeSet<>();
    TreeSet<String> conflictTables = new TreeSet<>();
    TreeSet<String> conflictNodes = new TreeSet<>();
    remote.forEach(
        (name, tables) -> {
          Map<String, List<String>> restricted = new TreeMap<>();
          tables.forEach(
              (table, nodes) -> {
                if (expected.containsKey(table)) {
                  restricted.put(table, nodes);
                  if (!Objects.equals(expected.get(table), nodes)) {
                    conflictTables.add(table);
                    conflictNodes.add(name);
                  }
                } else {
                  unknownTables.add(table);
                  nodesWithUnknown.add(name);
                }
              });
          for (String table : expected.keySet()) {
            if (!tables.containsKey(table)) {
              missingTables.add(table);
              nodesWithMissing.add(name);
            }
          }
          if (restricted.equals(expected)) {
            joined.add(name);
          }
        });
    List<String> withoutDisco =
        disco.discoveredNodes().stream()
            .filter(n -> online.contains(n) && !available.contains(n))
            .toList();
    return new SystemInfo(
        List.copyOf(available),
        disco.unavailableNodes(),
        List.copyOf(joined),
        disco.discoveredNodes(),
        disco.lastGetNodesOk(),
        withoutDisco,
        List.copyOf(unknownTables),
        List.copyOf(nodesWithUnknown),
        List.copyOf(missingTables),
        List.copyOf(nodesWithMissing),
        List.copyOf(conflictTables),
        List.copyOf(conflictNodes));
  }

  /** One entry per table tracked by discovery that runs on this node, by name. */
  public List<TableStatus> tableInfo() {
    List<TableStatus> result = new ArrayList<>();
    for (String table : discovery.info().join().tables()) {
      TableInfo info =
          node.tableCalls().info(node.id(), table, 0, true).exceptionally(e -> null).join();
      if (info != null) {
        result.add(
            new TableStatus(
                table,
                info.memoryBytes(),
                info.size(),
                info.nodes().stream().map(NodeId::name).sorted().toList()));
      }
    }
    return result;
  }

  /** The 12 gauges of the report: list sizes, and 1/0 for {@code discoveryWorks}. */
  public static Map<String, Integer> gauges(SystemInfo info) {
    Map<String, Integer> gauges = new TreeMap<>();
    gauges.put("available_nodes", info.availableNodes().size());
    gauges.put("unavailable_nodes", info.unavailableNodes().size());
    gauges.put("joined_nodes", info.joinedNodes().size());
    gauges.put("discovered_nodes", info.discoveredNodes().size());
    gauges.put("discovery_works", info.discoveryWorks() ? 1 : 0);
    gauges.put("remote_nodes_without_disco", info.remoteNodesWithoutDisco().size());
    gauges.put("remote_unknown_tables", info.remoteUnknownTables().size());
    gauges.put("remote_nodes_with_unknown_tables", info.remoteNodesWithUnknownTables().size());
    gauges.put("remote_missing_tables", info.remoteMissingTables().size());
    gauges.put("remote_nodes_with_missing_tables", info.remoteNodesWithMissingTables().size());
    gauges.put("conflict_tables", info.conflictTables().size());
    gauges.put("conflict_nodes", info.conflictNodes().size());
    return gauges;
  }
}
