package io.meerkat.cets;

import java.util.List;

/**
 * The local copy of a table. Only the table's server thread writes; any thread may read, without
 * locks, and sees each write atomically.
 */
interface LocalStore<K, R> {

  void insert(R record);

  /** Inserts unless the key already has a record (any record, for bags too). */
  void insertIfAbsent(R record);

  void delete(K key);

  void deleteObject(R record);

  boolean containsKey(K key);

  List<R> lookup(K key);

  /** Records with keys in [{@code from}, {@code to}), in key order; a null bound is open. */
  List<R> range(K from, K to);

  /** Every record, in key order. */
  List<R> dump();

  int size();
}
