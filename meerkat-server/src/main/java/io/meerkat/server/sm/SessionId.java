package io.meerkat.server.sm;

/**
 * Identifies one client session cluster-wide: the owning node and a serial unique on that node.
 * Because the owner is part of the id, a dead node's sessions can be found and removed by id alone,
 * and sessions of different nodes never collide.
 */
public record SessionId(String node, long serial) implements Comparable<SessionId> {

  @Override
  public int compareTo(SessionId o) {
    int c = node.compareTo(o.node);
    return c != 0 ? c : Long.compare(serial, o.serial);
  }

  @Override
  public String toString() {
    return node + "/" + serial;
  }
}
