package io.meerkat.cets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

/** Ordered-set storage: one record per key in a concurrent skip list. */
final class OrderedStore<K, R> implements LocalStore<K, R> {

  private final ConcurrentSkipListMap<K, R> map;
  private final Function<R, K> keyOf;

  OrderedStore(Comparator<K> order, Function<R, K> keyOf) {
    this.map = new ConcurrentSkipListMap<>(order);
    this.keyOf = keyOf;
  }

  @Override
  public void insert(R record) {
    map.put(keyOf.apply(record), record);
  }

  @Override
  public void insertIfAbsent(R record) {
    map.putIfAbsent(keyOf.apply(record), record);
  }

  @Override
  public void delete(K key) {
    map.remove(key);
  }

  @Override
  public void deleteObject(R record) {
    map.remove(keyOf.apply(record), record);
  }

  @Override
  public boolean containsKey(K key) {
    return map.containsKey(key);
  }

  @Override
  public List<R> lookup(K key) {
    R record = map.get(key);
    return record == null ? List.of() : List.of(record);
  }

  @Override
  public List<R> range(K from, K to) {
    NavigableMap<K, R> view = map;
    if (from != null) {
      view = view.tailMap(from, true);
    }
    if (to != null) {
      view = view.headMap(to, false);
    }
    return new ArrayList<>(view.values());
  }

  @Override
  public List<R> dump() {
    return new ArrayList<>(map.values());
  }

  @Override
  public int size() {
    return map.size();
  }
}
