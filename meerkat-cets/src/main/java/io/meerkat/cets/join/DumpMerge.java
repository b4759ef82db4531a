package io.meerkat.cets.join;

import io.meerkat.cets.TableOptions;
import io.meerkat.cets.TableType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What each side of a join receives. Without a conflict handler (and always for bags) each side
 * gets the other's full dump: equal keys with different values swap, bags end with the union. With
 * a handler, the key-ordered dumps are walked together: a key on one side only goes to the other,
 * identical records go nowhere, and differing records are resolved once and sent to both sides.
 */
final class DumpMerge {

  /** Encoded records for each side. */
  record Result(List<byte[]> toLocal, List<byte[]> toRemote) {}

  private DumpMerge() {}

  static <K, R> Result merge(TableOptions<K, R> options, List<byte[]> local, List<byte[]> remote) {
    if (options.type() == TableType.BAG || options.conflictHandler() == null) {
      return new Result(remote, local);
    }
    List<R> l = local.stream().map(options.recordCodec()::decode).toList();
    List<R> r = remote.stream().map(options.recordCodec()::decode).toList();
    Comparator<K> order = options.keyOrder();
    List<R> toLocal = new ArrayList<>();
    List<R> toRemote = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < l.size() || j < r.size()) {
      if (j >= r.size()) {
        toRemote.add(l.get(i++));
        continue;
      }
      if (i >= l.size()) {
        toLocal.add(r.get(j++));
        continue;
      }
      R a = l.get(i);
      R b = r.get(j);
      int cmp = order.compare(options.keyOf().apply(a), options.keyOf().apply(b));
      if (cmp < 0) {
        toRemote.add(a);
        i++;
      } else if (cmp > 0) {
        toLocal.add(b);
        j++;
      } else {
        if (!a.equals(b)) {
          R winner = options.conflictHandler().apply(a, b);
          toLocal.add(winner);
          toRemote.add(winner);
        }
        i++;
        j++;
      }
    }
    return new Result(
        toLocal.stream().map(options.recordCodec()::encode).toList(),
        toRemote.stream().map(options.recordCodec()::encode).toList());
  }
}
