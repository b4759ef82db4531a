package io.meerkat.cets.cluster;

import io.meerkat.cets.CetsNode;
import io.meerkat.cets.CetsTable;
import io.meerkat.cets.Entry;
import io.meerkat.cets.TableType;
import io.meerkat.cets.status.CetsStatus;
import io.meerkat.cets.status.SystemInfo;
import io.meerkat.cets.transport.NodeId;
import io.meerkat.cets.transport.netty.NettyClusterTransport;
import io.meerkat.cets.transport.netty.NodeBlockList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The commands of {@link ClusterNodeMain}. Two tables run on every node: {@code kv}, an ordered set
 * of {@link Entry}s, and {@code bag}, a bag of them. Results are single-line text: lists are
 * comma-separated, records are {@code key=value}.
 */
final class NodeCommands {

  static final List<String> TABLES = List.of("kv", "bag");

  private final CetsNode node;
  private final NettyClusterTransport transport;
  private final NodeBlockList blockList;
  private final Map<String, CetsTable<String, Entry>> tables;
  private final List<String> downs = new CopyOnWriteArrayList<>();
  private CetsStatus status;

  NodeCommands(CetsNode node, NettyClusterTransport transport, NodeBlockList blockList) {
    this.node = node;
    this.transport = transport;
    this.blockList = blockList;
    this.tables =
        Map.of(
            "kv", node.startTable(Entry.table("kv").downHandler(this::down).build()),
            "bag",
                node.startTable(
                    Entry.table("bag").type(TableType.BAG).downHandler(this::down).build()));
  }

  private void down(io.meerkat.cets.DownEvent event) {
    // wall-clock time: the test compares it with the moment it killed the peer, on the same host
    downs.add(
        event.table() + ":" + event.remote().node().name() + "@" + System.currentTimeMillis());
  }

  void startStatus(CetsStatus value) {
    this.status = value;
  }

  String run(String command, List<String> args) {
    return switch (command) {
      case "insert" -> {
        table(args.get(0)).insert(new Entry(args.get(1), args.get(2)));
        yield "inserted";
      }
      case "delete" -> {
        table(args.get(0)).delete(args.get(1));
        yield "deleted";
      }
      case "deleteObject" -> {
        table(args.get(0)).deleteObject(new Entry(args.get(1), args.get(2)));
        yield "deleted";
      }
      case "fill" -> fill(table(args.get(0)), args.get(1), Integer.parseInt(args.get(2)));
      case "dump" ->
          String.join(",", table(args.get(0)).dump().stream().map(NodeCommands::text).toList());
      case "size" -> String.valueOf(table(args.get(0)).size());
      case "nodes" -> names(table(args.get(0)).nodes());
      case "connected" -> names(List.copyOf(transport.connectedNodes()));
      case "systemInfo" -> systemInfo(status.systemInfo());
      case "downs" -> String.join(",", downs);
      case "block" -> {
        blockList.block(args.get(0));
        transport.enforceGate();
        yield "blocked";
      }
      case "unblock" -> {
        blockList.unblock(args.get(0));
        yield "unblocked";
      }
      case "cpu" -> String.valueOf(ReplicationLoad.processCpuNanos());
      case "benchSync" ->
          ReplicationLoad.syncLatency(
              table(args.get(0)), Integer.parseInt(args.get(1)), Integer.parseInt(args.get(2)));
      case "benchAsync" ->
          ReplicationLoad.asyncThroughput(
              table(args.get(0)), Integer.parseInt(args.get(1)), Integer.parseInt(args.get(2)));
      default -> throw new IllegalArgumentException("unknown command " + command);
    };
  }

  private CetsTable<String, Entry> table(String name) {
    CetsTable<String, Entry> table = tables.get(name);
    if (table == null) {
      throw new IllegalArgumentException("no table " + name);
    }
    return table;
  }

  /** Inserts {@code <prefix>-<i>=<this node>} for i in [0, count), one synchronous write each. */
  private String fill(CetsTable<String, Entry> table, String prefix, int count) {
    for (int i = 0; i < count; i++) {
      table.insert(new Entry(prefix + "-" + i, node.id().name()));
    }
    return String.valueOf(count);
  }

  private static String text(Entry entry) {
    return entry.key() + "=" + entry.value();
  }

  private static String names(List<NodeId> ids) {
    return String.join(",", ids.stream().map(NodeId::name).sorted().toList());
  }

  private static String systemInfo(SystemInfo info) {
    List<String> fields = new ArrayList<>();
    fields.add("joined=" + String.join(",", info.joinedNodes()));
    fields.add("available=" + String.join(",", info.availableNodes()));
    fields.add("unavailable=" + String.join(",", info.unavailableNodes()));
    fields.add("discovered=" + String.join(",", info.discoveredNodes()));
    fields.add("discoveryWorks=" + info.discoveryWorks());
    fields.add("conflictTables=" + String.join(",", info.conflictTables()));
    return String.join(" ", fields);
  }
}
