package io.meerkat.cets.transport.netty;

import io.meerkat.cets.transport.NodeId;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The links of one transport and the single place where they go up and down, so that for each peer
 * the listeners see up and down alternate.
 *
 * <p>One link per pair: of two nodes, the greater {@link NodeId} arbitrates every connection
 * between them. It "chooses" a connection once both sides are authenticated, and refuses any other
 * connection with the same peer while a chosen or up one exists; the smaller node never decides and
 * only brings a connection up after the arbiter chose it. So concurrent cross-connects converge on
 * exactly one link whatever the timing.
 *
 * <p>Listeners are called with the registry lock held (that is what orders them); they must not
 * block.
 */
final class LinkRegistry {

  private final Object lock = new Object();
  private final Map<NodeId, Link> up = new ConcurrentHashMap<>();
  private final Map<NodeId, Link> chosen = new HashMap<>();
  private final Map<NodeId, List<CompletableFuture<NodeId>>> waiters = new HashMap<>();
  private final ListenerSet listeners;

  LinkRegistry(ListenerSet listeners) {
    this.listeners = listeners;
  }

  /** The arbiter's decision: whether {@code link} becomes the one link with {@code peer}. */
  boolean choose(NodeId peer, Link link) {
    synchronized (lock) {
      if (up.containsKey(peer) || chosen.containsKey(peer)) {
        return false;
      }
      chosen.put(peer, link);
      return true;
    }
  }

  /**
   * Brings {@code link} up: any other link with a node of the same name (an older incarnation, or a
   * link the peer has already replaced) is reported down first.
   */
  void markUp(Link link) {
    NodeId peer = link.peer();
    List<CompletableFuture<NodeId>> waiting;
    synchronized (lock) {
      chosen.remove(peer, link);
      for (Link other : List.copyOf(up.values())) {
        if (other.peer().name().equals(peer.name())) {
          String reason =
              other.peer().equals(peer)
                  ? "replaced by a new link"
                  : "restarted as " + Long.toHexString(peer.incarnation());
          other.close(reason);
        }
      }
      link.setUp(true);
      up.put(peer, link);
      listeners.fireUp(peer);
      waiting = waiters.remove(peer);
    }
    if (link.connectResult() != null) {
      link.connectResult().complete(peer);
    }
    if (waiting != null) {
      waiting.forEach(f -> f.complete(peer));
    }
  }

  /**
   * Forgets {@code link}; reports its peer down if it was up.
   *
   * @return whether the peer was up on this link (the caller may log it)
   */
  boolean markDown(Link link, String reason) {
    NodeId peer = link.peer();
    if (peer == null) {
      return false;
    }
    synchronized (lock) {
      chosen.remove(peer, link);
      if (!up.remove(peer, link)) {
        return false;
      }
      link.setUp(false);
      listeners.fireDown(peer, reason);
      return true;
    }
  }

  /**
   * Completes {@code result} when a link with {@code peer} is up (now or later); used when our own
   * connection lost the one-link arbitration to another one.
   */
  void awaitUp(NodeId peer, CompletableFuture<NodeId> result) {
    synchronized (lock) {
      if (up.containsKey(peer)) {
        result.complete(peer);
        return;
      }
      waiters.computeIfAbsent(peer, p -> new ArrayList<>()).add(result);
    }
    result.whenComplete(
        (ok, error) -> {
          synchronized (lock) {
            List<CompletableFuture<NodeId>> list = waiters.get(peer);
            if (list != null && list.remove(result) && list.isEmpty()) {
              waiters.remove(peer);
            }
          }
        });
  }

  /** Fails every pending {@link #awaitUp} (the transport is closing). */
  void failWaiters(String reason) {
    List<CompletableFuture<NodeId>> pending = new ArrayList<>();
    synchronized (lock) {
      waiters.values().forEach(pending::addAll);
      waiters.clear();
    }
    pending.forEach(f -> f.completeExceptionally(new LinkFailedException(reason)));
  }

  Link get(NodeId peer) {
    return up.get(peer);
  }

  Set<NodeId> nodes() {
    return Set.copyOf(up.keySet());
  }

  List<Link> links() {
    return List.copyOf(up.values());
  }

  /** The up peer publishing {@code address}, or null. */
  NodeId publishing(InetSocketAddress address) {
    for (Link link : up.values()) {
      InetSocketAddress published = link.peerPublished();
      if (published != null
          && published.getPort() == address.getPort()
          && published.getHostString().equals(address.getHostString())) {
        return link.peer();
      }
    }
    return null;
  }
}
