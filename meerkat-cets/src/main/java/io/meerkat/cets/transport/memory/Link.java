package io.meerkat.cets.transport.memory;

import io.meerkat.cets.transport.Channel;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * One link between two in-memory nodes: two independent FIFO directions, each drained on its own
 * thread. Once failed, queued messages are dropped but the final down event still reaches the
 * receiver, after everything that was delivered before.
 */
final class Link {

  private final InMemoryNetwork network;
  private final InMemoryTransport a;
  private final InMemoryTransport b;
  private final Direction toA;
  private final Direction toB;
  private volatile boolean alive = true;

  Link(InMemoryNetwork network, InMemoryTransport a, InMemoryTransport b, Executor executor) {
    this.network = network;
    this.a = a;
    this.b = b;
    this.toA = new Direction(b, a, executor);
    this.toB = new Direction(a, b, executor);
  }

  boolean connects(InMemoryTransport x, InMemoryTransport y) {
    return alive && ((a == x && b == y) || (a == y && b == x));
  }

  boolean involves(InMemoryTransport t) {
    return a == t || b == t;
  }

  InMemoryTransport.Endpoint endpointFor(InMemoryTransport self) {
    return new InMemoryTransport.Endpoint(this, self == a ? b.localNode() : a.localNode());
  }

  void open() {
    // The up events are queued before anything can be sent, so they precede every message.
    toA.enqueue(() -> a.deliverUp(this, b.localNode()), true);
    toB.enqueue(() -> b.deliverUp(this, a.localNode()), true);
    a.linkUp(this, b.localNode());
    b.linkUp(this, a.localNode());
  }

  boolean isAlive() {
    return alive;
  }

  boolean send(InMemoryTransport from, Channel channel, byte[] payload) {
    if (!alive) {
      return false;
    }
    InMemoryTransport to = from == a ? b : a;
    Direction direction = from == a ? toB : toA;
    direction.enqueue(() -> to.deliver(from.localNode(), channel, payload), false);
    return true;
  }

  void fail(String reason) {
    synchronized (this) {
      if (!alive) {
        return;
      }
      alive = false;
    }
    network.removeLink(this);
    a.linkDown(this, b.localNode());
    b.linkDown(this, a.localNode());
    toA.enqueue(() -> a.deliverDown(b.localNode(), reason), true);
    toB.enqueue(() -> b.deliverDown(a.localNode(), reason), true);
  }

  boolean drained() {
    return toA.isEmpty() && toB.isEmpty();
  }

  boolean drainedTo(String receiver) {
    return (a.localNode().name().equals(receiver) ? toA : toB).isEmpty();
  }

  void resumeDeliveries() {
    toA.resume();
    toB.resume();
  }

  private final class Direction {
    private final InMemoryTransport sender;
    private final InMemoryTransport receiver;
    private final Executor executor;
    private final ArrayDeque<Delivery> queue = new ArrayDeque<>();
    private boolean draining;

    private record Delivery(Runnable action, boolean event) {}

    Direction(InMemoryTransport sender, InMemoryTransport receiver, Executor executor) {
      this.sender = sender;
      this.receiver = receiver;
      this.executor = executor;
    }

    void enqueue(Runnable action, boolean event) {
      synchronized (this) {
        queue.add(new Delivery(action, event));
      }
      resume();
    }

    synchronized boolean isEmpty() {
      return queue.isEmpty() && !draining;
    }

    void resume() {
      synchronized (this) {
        if (draining || queue.isEmpty() || isHeld()) {
          return;
        }
        draining = true;
      }
      executor.execute(this::drain);
    }

    private boolean isHeld() {
      return network.isHeld(sender.localNode().name(), receiver.localNode().name());
    }

    private void drain() {
      while (true) {
        Delivery next;
        synchronized (this) {
          if (queue.isEmpty() || isHeld()) {
            draining = false;
            return;
          }
          next = queue.poll();
        }
        // A message behind a failure is lost; the link events themselves always arrive.
        if (next.event() || alive) {
          next.action().run();
        }
      }
    }
  }
}
