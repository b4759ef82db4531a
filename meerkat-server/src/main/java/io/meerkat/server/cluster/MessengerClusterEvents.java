package io.meerkat.server.cluster;

import io.meerkat.cets.rpc.Messenger;
import io.meerkat.cets.rpc.WireWriter;
import io.meerkat.cets.transport.ClusterTransport;
import io.meerkat.cets.transport.NodeId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link ClusterEvents} as casts to every connected node on the application channel. */
final class MessengerClusterEvents implements ClusterEvents {

  private static final Logger LOG = LoggerFactory.getLogger(MessengerClusterEvents.class);
  private static final String SERVICE = "meerkat.event";

  private final ClusterTransport transport;
  private final Messenger messenger;
  private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();

  MessengerClusterEvents(ClusterTransport transport, Messenger messenger, Executor executor) {
    this.transport = transport;
    this.messenger = messenger;
    messenger.register(
        SERVICE,
        (from, in, reply) -> {
          String topic = in.readString();
          String payload = in.readString();
          for (Consumer<String> s : subscribers.getOrDefault(topic, List.of())) {
            executor.execute(() -> deliver(s, topic, payload));
          }
        });
  }

  @Override
  public void publish(String topic, String payload) {
    byte[] body = new WireWriter().writeString(topic).writeString(payload).toByteArray();
    for (NodeId node : transport.connectedNodes()) {
      messenger.cast(node, SERVICE, body);
    }
  }

  @Override
  public void subscribe(String topic, Consumer<String> subscriber) {
    subscribers.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(subscriber);
  }

  private static void deliver(Consumer<String> subscriber, String topic, String payload) {
    try {
      subscriber.accept(payload);
    } catch (RuntimeException e) {
      LOG.warn("Subscriber of cluster event {} failed", topic, e);
    }
  }
}
