package io.meerkat.cets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Bag storage: a key maps to an immutable list of distinct records, replaced as a whole on every
 * write so readers never see a half-updated list.
 */
final class BagStore<K, R> implements LocalStore<K, R> {

  private final ConcurrentSkipListMap<K, List<R>> map;
  private final Function<R, K> keyOf;
  private final AtomicInteger size = new AtomicInteger();

  BagStore(Comparator<K> order, Function<R, K> keyOf) {
    this.map = new ConcurrentSkipListMap<>(order);
    this.keyOf = keyOf;
  }

  @Override
  public void insert(R record) {
    K key = keyOf.apply(record);
    List<R> old = map.getOrDefault(key, List.of());
    if (old.contains(record)) {
      return;
    }
    List<R> updated = new ArrayList<>(old);
    updated.add(record);
    map.put(key, List.copyOf(updated));
    size.incrementAndGet();
  }

  @Override
  public void insertIfAbsent(R record) {
    if (!map.containsKey(keyOf.apply(record))) {
      insert(record);
    }
  }

  @Override
  public void delete(K key) {
    List<R> old = map.remove(key);
    if (old != null) {
      size.addAndGet(-old.size());
    }
  }

  @Override
  public void deleteObject(R record) {
    K key = keyOf.apply(record);
    List<R> old = map.get(key);
    if (old == null || !old.contains(record)) {
      return;
    }
    List<R> updated = new ArrayList<>(old);
    updated.remove(record);
    if (updated.isEmpty()) {
      map.remove(key);
    } else {
      map.put(key, List.copyOf(updated));
    }
    size.decrementAndGet();
  }

  @Override
  public boolean containsKey(K key) {
    return map.containsKey(key);
  }

  @Override
  public List<R> lookup(K key) {
    return map.getOrDefault(key, List.of());
  }

  @Override
  public List<R> range(K from, K to) {
    NavigableMap<K, List<R>> view = map;
    if (from != null) {
      view = view.tailMap(from, true);
    }
    if (to != null) {
      view = view.headMap(to, false);
    }
    List<R> result = new ArrayList<>();
    view.values().forEach(result::addAll);
    return result;
  }

  @Override
  public List<R> dump() {
    return range(null, null);
  }

  @Override
  public int size() {
    return size.get();
  }
}
