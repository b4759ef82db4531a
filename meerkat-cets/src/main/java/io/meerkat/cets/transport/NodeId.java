package io.meerkat.cets.transport;

import java.util.Comparator;
import java.util.Objects;

/**
 * The identity of one running node: the configured node name plus an incarnation id chosen at each
 * start, so that a node restarted under the same name is a different peer (its old replicas,
 * pending acks and leadership are gone with the old incarnation).
 *
 * <p>The total order (name, then incarnation) is what leader election uses: every member of a fully
 * meshed cluster computes the same maximum.
 *
 * @param name the configured node name, unique in the cluster (for example {@code meerkat@node1})
 * @param incarnation chosen randomly at start; never reused by the same name in practice
 */
public record NodeId(String name, long incarnation) implements Comparable<NodeId> {

  private static final Comparator<NodeId> ORDER =
      Comparator.comparing(NodeId::name).thenComparingLong(NodeId::incarnation);

  public NodeId {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("A node name must not be blank");
    }
  }

  @Override
  public int compareTo(NodeId other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return name + "#" + Long.toHexString(incarnation);
  }
}
