package io.meerkat.cets.transport.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.meerkat.cets.transport.Channel;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Restarts racing deliveries: a restart closes the old incarnation's links while their queues are
 * being drained, which once deadlocked (the restart held the network's lock and waited for a
 * queue's lock, the drain held the queue's lock and waited for the network's to check for a
 * freeze).
 */
class InMemoryNetworkRestartTest {

  private final InMemoryNetwork network = new InMemoryNetwork();

  @AfterEach
  void stop() {
    network.close();
  }

  @Test
  void restartingANodeWhileItsLinksDeliverNeverDeadlocks() {
    InMemoryTransport a = network.createTransport("a");
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          for (int i = 0; i < 500; i++) {
            InMemoryTransport b = network.createTransport("b");
            a.connect(InMemoryNetwork.addressOf("b")).join();
            for (int m = 0; m < 10; m++) {
              a.send(b.localNode(), Channel.REPLICATION, new byte[] {(byte) m});
              b.send(a.localNode(), Channel.REPLICATION, new byte[] {(byte) m});
            }
          }
        });
    assertThat(a.connectedNodes()).hasSize(1);
  }
}
