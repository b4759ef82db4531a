package io.meerkat.cets;

import io.meerkat.cets.rpc.WireReader;
import io.meerkat.cets.rpc.WireWriter;
import io.meerkat.cets.transport.NodeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Wire form of {@link TableInfo}, for joins and status queries on other nodes. */
public final class TableInfoCodec {

  private TableInfoCodec() {}

  public static byte[] encode(TableInfo info) {
    WireWriter out = new WireWriter().writeString(info.table()).writeByte(info.type().ordinal());
    TableProtocol.writeServer(out, info.self());
    out.writeInt(info.nodes().size());
    info.nodes().forEach(out::writeNode);
    TableProtocol.writeServers(out, info.otherServers());
    out.writeInt(info.size()).writeLong(info.memoryBytes()).writeLong(info.joinRef());
    TableProtocol.writeServer(out, info.leader());
    out.writeInt(info.nodeDownHistory().size());
    for (NodeDownRecord down : info.nodeDownHistory()) {
      TableProtocol.writeServer(out, down.server());
      out.writeString(down.reason()).writeLong(down.at().toEpochMilli());
    }
    return out.writeInt(info.pauseCount()).writeInt(info.backlogSize()).toByteArray();
  }

  public static TableInfo decode(WireReader in) {
    String table = in.readString();
    TableType type = TableType.values()[in.readByte()];
    ServerId self = TableProtocol.readServer(in);
    int nodeCount = in.readInt();
    List<NodeId> nodes = new ArrayList<>(nodeCount);
    for (int i = 0; i < nodeCount; i++) {
      nodes.add(in.readNode());
    }
    List<ServerId> others = TableProtocol.readServers(in);
    int size = in.readInt();
    long memory = in.readLong();
    long joinRef = in.readLong();
    ServerId leader = TableProtocol.readServer(in);
    int downCount = in.readInt();
    List<NodeDownRecord> downs = new ArrayList<>(downCount);
    for (int i = 0; i < downCount; i++) {
      downs.add(
          new NodeDownRecord(
              TableProtocol.readServer(in), in.readString(), Instant.ofEpochMilli(in.readLong())));
    }
    return new TableInfo(
        table,
        type,
        self,
        nodes,
        others,
        size,
        memory,
        joinRef,
        leader,
        downs,
        in.readInt(),
        in.readInt());
  }
}
