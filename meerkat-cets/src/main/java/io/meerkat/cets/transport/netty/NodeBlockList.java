package io.meerkat.cets.transport.netty;

import io.meerkat.cets.transport.NodeId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link HandshakeGate} refusing the node names put on it, whatever their incarnation. Thread
 * safe. Blocking a name does not close an existing link by itself: call {@link
 * NettyClusterTransport#enforceGate()} afterwards.
 */
public final class NodeBlockList implements HandshakeGate {

  private final Set<String> blocked = ConcurrentHashMap.newKeySet();

  /** Refuses handshakes with node {@code name} from now on. */
  public void block(String name) {
    blocked.add(name);
  }

  /** Admits node {@code name} again. */
  public void unblock(String name) {
    blocked.remove(name);
  }

  public Set<String> blocked() {
    return Set.copyOf(blocked);
  }

  @Override
  public boolean admits(NodeId peer) {
    return !blocked.contains(peer.name());
  }
}
