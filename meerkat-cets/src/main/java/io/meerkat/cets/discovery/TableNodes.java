package io.meerkat.cets.discovery;

import io.meerkat.cets.rpc.WireReader;
import io.meerkat.cets.rpc.WireWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Wire form of "table → sorted node names", exchanged for the status report. */
public final class TableNodes {

  private TableNodes() {}

  public static byte[] encode(Map<String, List<String>> tables) {
    WireWriter out = new WireWriter().writeInt(tables.size());
    tables.forEach(
        (table, nodes) -> {
          out.writeString(table).writeInt(nodes.size());
          nodes.forEach(out::writeString);
        });
    return out.toByteArray();
  }

  public static Map<String, List<String>> decode(WireReader in) {
    int count = in.readInt();
    Map<String, List<String>> tables = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      String table = in.readString();
      int nodeCount = in.readInt();
      List<String> nodes = new ArrayList<>(nodeCount);
      for (int j = 0; j < nodeCount; j++) {
        nodes.add(in.readString());
      }
      tables.put(table, nodes);
    }
    return tables;
  }
}
