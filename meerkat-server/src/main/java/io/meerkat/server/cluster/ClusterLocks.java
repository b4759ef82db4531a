package io.meerkat.server.cluster;

/**
 * Named locks held across the whole cluster, for work that must not run on two nodes at once for
 * the same key (handing a user's offline messages to one of its sessions). Acquiring asks every
 * connected node, so use them only where the work is rare or costly anyway.
 */
public interface ClusterLocks {

  /** A held lock; closing releases it. */
  interface Lease extends AutoCloseable {
    @Override
    void close();
  }

  /** Blocks until {@code name} is held on this node and every connected node. */
  Lease acquire(String name);

  /** A node on its own: the callers' local locks are enough. */
  ClusterLocks NONE = name -> () -> {};
}
