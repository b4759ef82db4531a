package io.meerkat.cets;

import io.meerkat.cets.transport.NodeId;
import java.util.Comparator;

/**
 * One running replica server of a table: the node plus a per-start id, so that a table stopped and
 * started again on the same node is a different peer. The total order (node, then start id) picks
 * the leader: the greatest server of a cluster.
 */
public record ServerId(NodeId node, long startId) implements Comparable<ServerId> {

  private static final Comparator<ServerId> ORDER =
      Comparator.comparing(ServerId::node).thenComparingLong(ServerId::startId);

  @Override
  public int compareTo(ServerId other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return node + "/" + startId;
  }
}
