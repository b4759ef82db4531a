package io.meerkat.cets;

import io.meerkat.cets.rpc.WireReader;
import io.meerkat.cets.rpc.WireWriter;
import java.util.ArrayList;
import java.util.List;

/** Wire form of {@link OpResult} for operations called on another node's server. */
final class OpResults {

  private OpResults() {}

  static <K, R> byte[] encode(TableOptions<K, R> options, OpResult<R> result) {
    WireWriter out = new WireWriter().writeBoolean(result.accepted());
    out.writeBoolean(result.wrongLeader() != null);
    if (result.wrongLeader() != null) {
      TableProtocol.writeServer(out, result.wrongLeader());
    }
    out.writeInt(result.records().size());
    result.records().forEach(r -> out.writeBytes(options.recordCodec().encode(r)));
    return out.toByteArray();
  }

  static <K, R> OpResult<R> decode(TableOptions<K, R> options, WireReader in) {
    boolean accepted = in.readBoolean();
    ServerId wrongLeader = in.readBoolean() ? TableProtocol.readServer(in) : null;
    int count = in.readInt();
    List<R> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      records.add(options.recordCodec().decode(in.readBytes()));
    }
    return new OpResult<>(accepted, records, wrongLeader);
  }
}
