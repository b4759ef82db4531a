package io.meerkat.cets;

import io.meerkat.cets.rpc.WireReader;
import io.meerkat.cets.rpc.WireWriter;
import java.util.ArrayList;
import java.util.List;

/** One write operation, as applied locally and replicated. */
record Op<K, R>(Op.Kind kind, List<R> records, List<K> keys) {

  enum Kind {
    INSERT,
    DELETE,
    DELETE_OBJECTS,
    INSERT_NEW,
    INSERT_NEW_OR_LOOKUP,
    INSERT_SERIAL;

    boolean leaderOp() {
      return this == INSERT_NEW || this == INSERT_NEW_OR_LOOKUP || this == INSERT_SERIAL;
    }
  }

  static <K, R> Op<K, R> ofRecords(Kind kind, List<R> records) {
    return new Op<>(kind, List.copyOf(records), List.of());
  }

  static <K, R> Op<K, R> ofKeys(List<K> keys) {
    return new Op<>(Kind.DELETE, List.of(), List.copyOf(keys));
  }

  /** Applies the op as a replica does: leader inserts become insert-if-absent or overwrite. */
  void applyAsReplica(LocalStore<K, R> store) {
    switch (kind) {
      case INSERT, INSERT_SERIAL -> records.forEach(store::insert);
      case INSERT_NEW, INSERT_NEW_OR_LOOKUP -> records.forEach(store::insertIfAbsent);
      case DELETE -> keys.forEach(store::delete);
      case DELETE_OBJECTS -> records.forEach(store::deleteObject);
    }
  }

  byte[] encode(TableOptions<K, R> options) {
    WireWriter out = new WireWriter().writeByte(kind.ordinal());
    out.writeInt(records.size());
    records.forEach(r -> out.writeBytes(options.recordCodec().encode(r)));
    out.writeInt(keys.size());
    keys.forEach(k -> out.writeBytes(options.keyCodec().encode(k)));
    return out.toByteArray();
  }

  static <K, R> Op<K, R> decode(TableOptions<K, R> options, byte[] bytes) {
    WireReader in = new WireReader(bytes);
    Kind kind = Kind.values()[in.readByte()];
    int recordCount = in.readInt();
    List<R> records = new ArrayList<>(recordCount);
    for (int i = 0; i < recordCount; i++) {
      records.add(options.recordCodec().decode(in.readBytes()));
    }
    int keyCount = in.readInt();
    List<K> keys = new ArrayList<>(keyCount);
    for (int i = 0; i < keyCount; i++) {
      keys.add(options.keyCodec().decode(in.readBytes()));
    }
    return new Op<>(kind, records, keys);
  }
}
