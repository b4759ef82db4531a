package io.meerkat.cets;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How to start one replicated table. Built with {@link #builder}; the record and key codecs must
 * round-trip ({@code decode(encode(x)).equals(x)}).
 *
 * @param name the table name, the same on every node
 * @param type ordered set (default) or bag
 * @param keyOf extracts a record's key
 * @param keyOrder the key order of reads and merges
 * @param recordCodec replication encoding of records
 * @param keyCodec replication encoding of keys
 * @param conflictHandler resolves two different records of one key when two clusters join; must be
 *     symmetric and fast; null = the two sides swap values; not allowed for bags
 * @param downHandler called on the table's server thread when a peer is lost; must not call
 *     replicating operations of this table (they would wait for the server running the callback)
 * @param wrongLeaderHandler called when this server receives a leader operation while not leader
 * @param joinHandler called on the table's server thread after a join added the other side's
 *     records to this replica, with those records (for example to resolve application-level
 *     duplicates that a netsplit created); same restriction as {@code downHandler}
 */
public record TableOptions<K, R>(
    String name,
    TableType type,
    Function<R, K> keyOf,
    Comparator<K> keyOrder,
    Codec<R> recordCodec,
    Codec<K> keyCodec,
    BinaryOperator<R> conflictHandler,
    Consumer<DownEvent> downHandler,
    Consumer<String> wrongLeaderHandler,
    Consumer<List<R>> joinHandler) {

  public TableOptions {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(keyOf, "keyOf");
    Objects.requireNonNull(keyOrder, "keyOrder");
    Objects.requireNonNull(recordCodec, "recordCodec");
    Objects.requireNonNull(keyCodec, "keyCodec");
    if (type == TableType.BAG && conflictHandler != null) {
      throw new IllegalArgumentException("bag_with_conflict_handler: table " + name);
    }
  }

  public static <K extends Comparable<? super K>, R> Builder<K, R> builder(
      String name, Function<R, K> keyOf, Codec<R> recordCodec, Codec<K> keyCodec) {
    return new Builder<>(name, keyOf, Comparator.naturalOrder(), recordCodec, keyCodec);
  }

  /** Collects the optional settings. */
  public static final class Builder<K, R> {
    private final String name;
    private final Function<R, K> keyOf;
    private Comparator<K> keyOrder;
    private final Codec<R> recordCodec;
    private final Codec<K> keyCodec;
    private TableType type = TableType.ORDERED_SET;
    private BinaryOperator<R> conflictHandler;
    private Consumer<DownEvent> downHandler = event -> {};
    private Consumer<String> wrongLeaderHandler = op -> {};
    private Consumer<List<R>> joinHandler = records -> {};

    Builder(
        String name,
        Function<R, K> keyOf,
        Comparator<K> keyOrder,
        Codec<R> recordCodec,
        Codec<K> keyCodec) {
      this.name = name;
      this.keyOf = keyOf;
      this.keyOrder = keyOrder;
      this.recordCodec = recordCodec;
      this.keyCodec = keyCodec;
    }

    public Builder<K, R> type(TableType value) {
      this.type = value;
      return this;
    }

    public Builder<K, R> keyOrder(Comparator<K> value) {
      this.keyOrder = value;
      return this;
    }

    public Builder<K, R> conflictHandler(BinaryOperator<R> value) {
      this.conflictHandler = value;
      return this;
    }

    public Builder<K, R> downHandler(Consumer<DownEvent> value) {
      this.downHandler = value;
      return this;
    }

    public Builder<K, R> wrongLeaderHandler(Consumer<String> value) {
      this.wrongLeaderHandler = value;
      return this;
    }

    public Builder<K, R> joinHandler(Consumer<List<R>> value) {
      this.joinHandler = value;
      return this;
    }

    /**
     * @throws IllegalArgumentException {@code bag_with_conflict_handler} for a bag with a resolver
     */
    public TableOptions<K, R> build() {
      return new TableOptions<>(
          name,
          type,
          keyOf,
          keyOrder,
          recordCodec,
          keyCodec,
          conflictHandler,
          downHandler,
          wrongLeaderHandler,
          joinHandler);
    }
  }
}
