package io.meerkat.server.cluster;

import io.meerkat.cets.transport.NodeId;
import io.meerkat.cets.transport.netty.HandshakeGate;
import io.meerkat.cets.transport.netty.NettyClusterTransport;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nodes an operator removed from the cluster ({@code removeFromCluster}, {@code leaveCluster}):
 * their links are closed and refused, by name, until they are added again ({@code joinCluster}).
 * Without this a removed node that still lists us would simply reconnect.
 */
final class RemovedNodes implements HandshakeGate {

  /** Cluster events telling every node to refuse, or admit again, a node (payload: its name). */
  static final String REMOVED = "meerkat.cluster.removed";

  static final String READMITTED = "meerkat.cluster.readmitted";

  private final Set<String> names = ConcurrentHashMap.newKeySet();
  private volatile NettyClusterTransport transport;

  void attach(NettyClusterTransport value) {
    this.transport = value;
  }

  @Override
  public boolean admits(NodeId peer) {
    return !names.contains(peer.name());
  }

  void remove(String name) {
    names.add(name);
    NettyClusterTransport t = transport;
    if (t != null) {
      t.enforceGate();
    }
  }

  void readmit(String name) {
    names.remove(name);
  }

  Set<String> removed() {
    return Set.copyOf(names);
  }
}
