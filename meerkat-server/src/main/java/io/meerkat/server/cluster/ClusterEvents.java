package io.meerkat.server.cluster;

import java.util.function.Consumer;

/**
 * Notices that every other node of the cluster should hear of, such as "the blocklist of this user
 * changed" for nodes that cache it. Best effort and one-way: a node that is down misses the notice,
 * so a notice may only invalidate what the receiver can reload from the database.
 */
public interface ClusterEvents {

  /** Tells every other connected node; this node's own subscribers are not called. */
  void publish(String topic, String payload);

  /**
   * Calls {@code subscriber} with the payload of every notice on {@code topic} from other nodes.
   */
  void subscribe(String topic, Consumer<String> subscriber);

  /** A node on its own: there is nobody to tell. */
  ClusterEvents NONE =
      new ClusterEvents() {
        @Override
        public void publish(String topic, String payload) {}

        @Override
        public void subscribe(String topic, Consumer<String> subscriber) {}
      };
}
