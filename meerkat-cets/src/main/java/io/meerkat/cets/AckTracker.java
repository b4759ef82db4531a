package io.meerkat.cets;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Pending replicated writes of one table server, each waiting for the acks of the peers that were
 * members when it was sent. A peer that goes down counts as having acked everything: a write
 * completes with fewer replicas instead of hanging. Used only on the server's thread.
 */
final class AckTracker {

  private record Pending(Set<ServerId> waiting, Runnable onComplete, Consumer<String> onAbort) {}

  private final Map<Long, Pending> pending = new HashMap<>();

  void track(long requestId, Set<ServerId> peers, Runnable onComplete, Consumer<String> onAbort) {
    if (peers.isEmpty()) {
      throw new IllegalStateException("tracking a write with no peers");
    }
    pending.put(requestId, new Pending(new HashSet<>(peers), onComplete, onAbort));
  }

  /** Unknown requests and peers are ignored (late acks after a peer-down, for example). */
  void ack(long requestId, ServerId peer) {
    Pending p = pending.get(requestId);
    if (p != null && p.waiting().remove(peer) && p.waiting().isEmpty()) {
      pending.remove(requestId);
      p.onComplete().run();
    }
  }

  void peerDown(ServerId peer) {
    Iterator<Pending> it = pending.values().iterator();
    while (it.hasNext()) {
      Pending p = it.next();
      if (p.waiting().remove(peer) && p.waiting().isEmpty()) {
        it.remove();
        p.onComplete().run();
      }
    }
  }

  int size() {
    return pending.size();
  }

  /** Fails every pending write (the server is stopping). */
  void abortAll(String reason) {
    pending.values().forEach(p -> p.onAbort().accept(reason));
    pending.clear();
  }
}
