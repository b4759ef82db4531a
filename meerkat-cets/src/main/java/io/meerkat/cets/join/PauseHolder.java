package io.meerkat.cets.join;

import io.meerkat.cets.ServerId;
import io.meerkat.cets.TableCalls;
import io.meerkat.cets.rpc.Messenger;
import io.meerkat.cets.rpc.WireReader;
import io.meerkat.cets.rpc.WireWriter;
import io.meerkat.cets.transport.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-node helper of a join: on the coordinator's request it pauses every server of the join
 * that runs on other nodes, and keeps them paused until the coordinator releases it or goes down
 * from this node's point of view. Without it, a server that lost its link to the coordinator after
 * receiving its dump would unpause and send new-epoch ops to servers still waiting for theirs.
 */
public final class PauseHolder {

  private static final Logger LOG = LoggerFactory.getLogger(PauseHolder.class);
  static final String HOLD = "cets.join.hold";
  static final String RELEASE = "cets.join.release";

  /** A server of the join, with the table it runs. */
  public record Target(String table, ServerId server) {}

  private record Paused(Target target, long token) {}

  private static final class Holding {
    private final NodeId coordinator;
    private final List<Paused> paused = new ArrayList<>();
    private boolean released;

    Holding(NodeId coordinator) {
      this.coordinator = coordinator;
    }
  }

  private final Messenger messenger;
  private final TableCalls tables;
  private final Supplier<Set<NodeId>> connectedNodes;
  private final Map<Long, Holding> holdings = new ConcurrentHashMap<>();

  public PauseHolder(Messenger messenger, TableCalls tables, Supplier<Set<NodeId>> connected) {
    this.messenger = messenger;
    this.tables = tables;
    this.connectedNodes = connected;
    messenger.register(HOLD, this::onHold);
    messenger.register(
        RELEASE,
        (from, in, reply) -> release(in.readLong()).whenComplete((ok, e) -> reply.ok(new byte[0])));
  }

  static byte[] holdRequest(long joinId, List<Target> targets) {
    WireWriter out = new WireWriter().writeLong(joinId).writeInt(targets.size());
    for (Target t : targets) {
      out.writeString(t.table()).writeNode(t.server().node()).writeLong(t.server().startId());
    }
    return out.toByteArray();
  }

  private void onHold(NodeId from, WireReader in, Messenger.Reply reply) {
    long joinId = in.readLong();
    int count = in.readInt();
    Holding holding = new Holding(from);
    holdings.put(joinId, holding);
    List<CompletableFuture<Paused>> pauses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Target target = new Target(in.readString(), new ServerId(in.readNode(), in.readLong()));
      if (!target.server().node().equals(messenger.localNode())) {
        pauses.add(
            tables.pause(target.table(), target.server()).thenApply(t -> new Paused(target, t)));
      }
    }
    CompletableFuture.allOf(pauses.toArray(CompletableFuture[]::new))
        .whenComplete(
            (ok, error) -> {
              List<Paused> toRelease = List.of();
              synchronized (holding) {
                for (CompletableFuture<Paused> p : pauses) {
                  if (!p.isCompletedExceptionally()) {
                    holding.paused.add(p.join());
                  }
                }
                boolean coordinatorGone =
                    !from.equals(messenger.localNode()) && !connectedNodes.get().contains(from);
                if (error != null || holding.released || coordinatorGone) {
                  holding.released = true;
                  toRelease = List.copyOf(holding.paused);
                  holding.paused.clear();
                }
              }
              if (holding.released) {
                holdings.remove(joinId, holding);
              }
              unpauseAll(toRelease);
              if (error != null) {
                reply.error("pause_failed");
              } else {
                reply.ok(new byte[0]);
              }
            });
  }

  /** The coordinator is gone: release what we hold for it. */
  public void nodeDown(NodeId node) {
    holdings.forEach(
        (joinId, holding) -> {
          if (holding.coordinator.equals(node)) {
            LOG.warn("Join coordinator {} went down; releasing its pauses", node);
            release(joinId);
          }
        });
  }

  private CompletableFuture<Void> release(long joinId) {
    Holding holding = holdings.remove(joinId);
    if (holding == null) {
      return CompletableFuture.completedFuture(null);
    }
    List<Paused> toRelease;
    synchronized (holding) {
      holding.released = true;
      toRelease = List.copyOf(holding.paused);
      holding.paused.clear();
    }
    return unpauseAll(toRelease);
  }

  private CompletableFuture<Void> unpauseAll(List<Paused> paused) {
    List<CompletableFuture<Void>> unpauses = new ArrayList<>();
    for (Paused p : paused) {
      unpauses.add(
          tables
              .unpause(p.target().table(), p.target().server(), p.token())
              .exceptionally(e -> null));
    }
    return CompletableFuture.allOf(unpauses.toArray(CompletableFuture[]::new));
  }
}
