package io.meerkat.cets.transport.memory;

import io.meerkat.cets.transport.Channel;
import io.meerkat.cets.transport.ClusterTransport;
import io.meerkat.cets.transport.MessageHandler;
import io.meerkat.cets.transport.NodeId;
import io.meerkat.cets.transport.TransportListener;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One node's view of an {@link InMemoryNetwork}; see there for the delivery guarantees. */
public final class InMemoryTransport implements ClusterTransport {

  private static final Logger LOG = LoggerFactory.getLogger(InMemoryTransport.class);

  record Endpoint(Link link, NodeId peer) {}

  private final InMemoryNetwork network;
  private final NodeId self;
  private final InetSocketAddress address;
  private final Map<NodeId, Link> links = new ConcurrentHashMap<>();
  private final Map<Channel, MessageHandler> handlers =
      Collections.synchronizedMap(new EnumMap<>(Channel.class));
  private final List<TransportListener> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  InMemoryTransport(InMemoryNetwork network, String name, long incarnation, InetSocketAddress at) {
    this.network = network;
    this.self = new NodeId(name, incarnation);
    this.address = at;
  }

  @Override
  public NodeId localNode() {
    return self;
  }

  @Override
  public InetSocketAddress publishedAddress() {
    return address;
  }

  @Override
  public CompletableFuture<NodeId> connect(InetSocketAddress target) {
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("transport closed"));
    }
    return network.connect(this, target).thenApply(Endpoint::peer);
  }

  @Override
  public boolean send(NodeId to, Channel channel, byte[] payload) {
    Link link = links.get(to);
    return link != null && link.send(this, channel, payload);
  }

  @Override
  public Set<NodeId> connectedNodes() {
    return Set.copyOf(links.keySet());
  }

  @Override
  public void setHandler(Channel channel, MessageHandler handler) {
    handlers.put(channel, handler);
  }

  @Override
  public void addListener(TransportListener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(TransportListener listener) {
    listeners.remove(listener);
  }

  @Override
  public void disconnect(NodeId node) {
    Link link = links.get(node);
    if (link != null) {
      link.fail("closed");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    network.closed(this);
  }

  /** Accepts links only once the replication channel has a handler. */
  boolean isReady() {
    return handlers.containsKey(Channel.REPLICATION);
  }

  boolean isClosed() {
    return closed;
  }

  void linkUp(Link link, NodeId peer) {
    links.put(peer, link);
  }

  void linkDown(Link link, NodeId peer) {
    links.remove(peer, link);
  }

  void deliverUp(Link link, NodeId peer) {
    if (closed) {
      return;
    }
    links.put(peer, link);
    if (!link.isAlive()) {
      links.remove(peer, link);
    }
    for (TransportListener listener : listeners) {
      try {
        listener.nodeUp(peer);
      } catch (RuntimeException e) {
        LOG.warn("nodeUp listener failed", e);
      }
    }
  }

  void deliverDown(NodeId peer, String reason) {
    if (closed) {
      return;
    }
    for (TransportListener listener : listeners) {
      try {
        listener.nodeDown(peer, reason);
      } catch (RuntimeException e) {
        LOG.warn("nodeDown listener failed", e);
      }
    }
  }

  void deliver(NodeId from, Channel channel, byte[] payload) {
    if (closed) {
      return;
    }
    MessageHandler handler = handlers.get(channel);
    if (handler != null) {
      handler.onMessage(from, payload);
    }
  }
}
