package io.meerkat.cets.join;

import io.meerkat.cets.rpc.Messenger;
import io.meerkat.cets.rpc.WireReader;
import io.meerkat.cets.rpc.WireWriter;
import io.meerkat.cets.transport.NodeId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A named lock over the whole cluster: the holder owns it on this node and on every node it is
 * connected to. Acquiring asks all of them at once; if any refuses (someone else holds it there),
 * the partial grants are returned and the attempt is repeated after a random, growing back-off.
 * Nobody ever waits while holding a part, so there is no deadlock however large the cluster grows,
 * and the random back-off breaks ties. A grant held by a node is dropped when that node goes down.
 *
 * <p>Two lock holders always share a node when their clusters touch: a join needs every node of
 * both sides connected to each other, so any two conflicting joins ask a common node.
 */
public final class ClusterLock {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterLock.class);
  private static final String ACQUIRE = "cets.lock.acquire";
  private static final String RELEASE = "cets.lock.release";
  private static final long MAX_BACKOFF_MILLIS = 200;
  private static final long ANSWER_TIMEOUT_SECONDS = 5;

  private record Holder(NodeId node, long lockId) {}

  private final Messenger messenger;
  private final Supplier<Set<NodeId>> connectedNodes;
  private final Map<String, Holder> held = new HashMap<>();

  public ClusterLock(Messenger messenger, Supplier<Set<NodeId>> connectedNodes) {
    this.messenger = messenger;
    this.connectedNodes = connectedNodes;
    messenger.register(ACQUIRE, this::onAcquire);
    messenger.register(RELEASE, (from, in, reply) -> onRelease(from, in));
  }

  /** A held lock; {@link #close} releases it everywhere. */
  public final class Lease implements AutoCloseable {
    private final String name;
    private final long lockId;
    private final Set<NodeId> nodes;

    private Lease(String name, long lockId, Set<NodeId> nodes) {
      this.name = name;
      this.lockId = lockId;
      this.nodes = nodes;
    }

    @Override
    public void close() {
      releaseOn(nodes, name, lockId);
    }
  }

  /** Blocks until the lock is held on this node and every connected node. */
  public Lease acquire(String name) {
    long lockId = ThreadLocalRandom.current().nextLong();
    for (int attempt = 0; ; attempt++) {
      Set<NodeId> nodes = new TreeSet<>(connectedNodes.get());
      nodes.add(messenger.localNode());
      byte[] body = new WireWriter().writeString(name).writeLong(lockId).toByteArray();
      Map<NodeId, CompletableFuture<Boolean>> answers = new HashMap<>();
      for (NodeId node : nodes) {
        answers.put(
            node,
            messenger
                .call(node, ACQUIRE, body)
                .orTimeout(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .handle((in, e) -> e == null && in.readBoolean()));
      }
      List<NodeId> granted = new ArrayList<>();
      answers.forEach(
          (node, answer) -> {
            if (answer.join()) {
              granted.add(node);
            }
          });
      if (granted.size() == nodes.size()) {
        return new Lease(name, lockId, nodes);
      }
      // Also where the answer was lost or late: a grant we do not know of must not linger.
      releaseOn(nodes, name, lockId);
      long bound = Math.min(MAX_BACKOFF_MILLIS, 5L << Math.min(attempt, 6));
      if (attempt > 0 && attempt % 50 == 0) {
        LOG.warn("Still waiting for cluster lock {} after {} attempts", name, attempt);
      }
      try {
        TimeUnit.MILLISECONDS.sleep(1 + ThreadLocalRandom.current().nextLong(bound));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for lock " + name, e);
      }
    }
  }

  /** Drops the grants held by {@code node}: its holder can no longer release them. */
  public synchronized void nodeDown(NodeId node) {
    held.values().removeIf(holder -> holder.node().equals(node));
  }

  private void releaseOn(Iterable<NodeId> nodes, String name, long lockId) {
    byte[] body = new WireWriter().writeString(name).writeLong(lockId).toByteArray();
    for (NodeId node : nodes) {
      messenger.cast(node, RELEASE, body);
    }
  }

  private void onAcquire(NodeId from, WireReader in, Messenger.Reply reply) {
    String name = in.readString();
    Holder candidate = new Holder(from, in.readLong());
    boolean granted;
    synchronized (this) {
      Holder current = held.putIfAbsent(name, candidate);
      granted = current == null || current.equals(candidate);
    }
    reply.ok(new WireWriter().writeBoolean(granted).toByteArray());
  }

  private void onRelease(NodeId from, WireReader in) {
    String name = in.readString();
    Holder holder = new Holder(from, in.readLong());
    synchronized (this) {
      held.remove(name, holder);
    }
  }
}
