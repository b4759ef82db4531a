package io.meerkat.cets.transport.memory;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Many cluster nodes in one JVM, for tests of applications and of the replication layer itself.
 * Each {@link #createTransport node} gets a {@link InMemoryTransport} that honours the {@code
 * ClusterTransport} contract: no link is opened by sending, messages of one direction of a link are
 * delivered in order on their own thread (never the sender's), and a lost link is reported as
 * {@code nodeDown} to both ends after the messages that did get through.
 *
 * <p>A node accepts links only once a handler for the replication channel is set (as a real node
 * starts listening only when it can handle messages), so no early message is dropped unseen.
 *
 * <p>Fault injection: {@link #partition} cuts the link between two nodes (both see the other go
 * down; messages still in flight are lost, never reordered) and refuses new links between them
 * until {@link #heal}. {@link #freeze} holds every delivery to a node (a suspended process) until
 * {@link #unfreeze}; {@link #hold} holds only what one node sends to another (a slow direction),
 * until {@link #release}.
 */
public final class InMemoryNetwork implements AutoCloseable {

  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<InetSocketAddress, InMemoryTransport> byAddress = new HashMap<>();
  private final Map<Set<String>, Link> links = new HashMap<>();
  private final Set<Set<String>> cut = new HashSet<>();
  // Read by every delivery while holding a direction's lock: never behind the network's lock.
  private final Set<String> frozen = ConcurrentHashMap.newKeySet();
  // Held directions as (sender, receiver); read like frozen.
  private final Set<List<String>> held = ConcurrentHashMap.newKeySet();
  // Failed links whose queues may still hold a down event for a frozen receiver or held direction.
  private final List<Link> failed = new ArrayList<>();

  /**
   * Starts a node named {@code name} with a fresh incarnation. A running node of the same name is
   * closed first (a restart).
   */
  public InMemoryTransport createTransport(String name) {
    InetSocketAddress address = addressOf(name);
    InMemoryTransport old;
    synchronized (this) {
      old = byAddress.get(address);
    }
    if (old != null) {
      // Outside the network's lock: closing fails links, which takes the links' own locks.
      old.close();
    }
    InMemoryTransport transport =
        new InMemoryTransport(this, name, ThreadLocalRandom.current().nextLong(), address);
    synchronized (this) {
      byAddress.put(address, transport);
    }
    return transport;
  }

  /** The address under which the node {@code name} is reachable in this network. */
  public static InetSocketAddress addressOf(String name) {
    return InetSocketAddress.createUnresolved(name, 9100);
  }

  /** Cuts the link between {@code a} and {@code b} (if any) and refuses new ones until healed. */
  public void partition(String a, String b) {
    Link link;
    synchronized (this) {
      cut.add(Set.of(a, b));
      link = links.remove(Set.of(a, b));
    }
    if (link != null) {
      link.fail("partition");
    }
  }

  /** Cuts every link between a node of {@code side} and a node of {@code other}. */
  public void partition(Set<String> side, Set<String> other) {
    for (String a : side) {
      for (String b : other) {
        if (!a.equals(b)) {
          partition(a, b);
        }
      }
    }
  }

  /** Allows links between {@code a} and {@code b} again; does not open one. */
  public synchronized void heal(String a, String b) {
    cut.remove(Set.of(a, b));
  }

  /** Removes every partition; does not open links. */
  public synchronized void healAll() {
    cut.clear();
  }

  /** Holds all deliveries to {@code name} (messages and link events) until {@link #unfreeze}. */
  public void freeze(String name) {
    frozen.add(name);
  }

  public void unfreeze(String name) {
    frozen.remove(name);
    resumeDeliveries();
  }

  /**
   * Holds what {@code from} sends to {@code to} (messages and link events) until {@link #release};
   * the other direction and every other link keep flowing.
   */
  public void hold(String from, String to) {
    held.add(List.of(from, to));
  }

  public void release(String from, String to) {
    held.remove(List.of(from, to));
    resumeDeliveries();
  }

  /**
   * True when everything {@code from} has sent to {@code to} over their live link was delivered.
   */
  public boolean delivered(String from, String to) {
    Link link;
    synchronized (this) {
      link = links.get(Set.of(from, to));
    }
    return link == null || link.drainedTo(to);
  }

  private void resumeDeliveries() {
    List<Link> toResume;
    synchronized (this) {
      toResume = new ArrayList<>(links.values());
      toResume.addAll(failed);
      failed.removeIf(Link::drained);
    }
    toResume.forEach(Link::resumeDeliveries);
  }

  boolean isHeld(String sender, String receiver) {
    return frozen.contains(receiver) || held.contains(List.of(sender, receiver));
  }

  CompletableFuture<InMemoryTransport.Endpoint> connect(
      InMemoryTransport from, InetSocketAddress address) {
    Link link;
    synchronized (this) {
      InMemoryTransport target = byAddress.get(address);
      if (target == null || target.isClosed()) {
        return CompletableFuture.failedFuture(
            new ConnectException("nothing listens at " + address));
      }
      if (target == from) {
        return CompletableFuture.failedFuture(new ConnectException("that is this node"));
      }
      if (!target.isReady()) {
        // Like a process that has not started listening: nothing could handle our messages yet.
        return CompletableFuture.failedFuture(new ConnectException(address + " is not ready"));
      }
      Set<String> pair = Set.of(from.localNode().name(), target.localNode().name());
      if (cut.contains(pair)) {
        return CompletableFuture.failedFuture(new ConnectException("partitioned from " + address));
      }
      link = links.get(pair);
      if (link != null && link.connects(from, target)) {
        return CompletableFuture.completedFuture(link.endpointFor(from));
      }
      if (link != null) {
        links.remove(pair);
      }
      Link stale = link;
      link = new Link(this, from, target, executor);
      links.put(pair, link);
      if (stale != null) {
        stale.fail("replaced by a new incarnation");
      }
    }
    link.open();
    return CompletableFuture.completedFuture(link.endpointFor(from));
  }

  synchronized void removeLink(Link link) {
    links.values().remove(link);
    if (!frozen.isEmpty() || !held.isEmpty()) {
      failed.add(link);
    }
  }

  void closed(InMemoryTransport transport) {
    List<Link> dead = new ArrayList<>();
    synchronized (this) {
      byAddress.remove(transport.publishedAddress(), transport);
      links
          .values()
          .removeIf(
              link -> {
                if (link.involves(transport)) {
                  dead.add(link);
                  return true;
                }
                return false;
              });
    }
    dead.forEach(link -> link.fail("closed"));
  }

  @Override
  public void close() {
    List<InMemoryTransport> all;
    synchronized (this) {
      all = new ArrayList<>(byAddress.values());
    }
    all.forEach(InMemoryTransport::close);
    executor.close();
  }
}
