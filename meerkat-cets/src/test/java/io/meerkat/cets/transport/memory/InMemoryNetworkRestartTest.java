package io.meerkat.cets.transport.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.meerkat.cets.transport.Channel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
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
    // bounded too: after a deadlock the network's lock is never free again
    assertTimeoutPreemptively(Duration.ofSeconds(10), network::close);
  }

  @Test
  void restartingANodeWhileItsLinksDeliverNeverDeadlocks() throws InterruptedException {
    InMemoryTransport a = network.createTransport("a");
    a.setHandler(Channel.REPLICATION, (from, payload) -> {});
    AtomicReference<InMemoryTransport> current = new AtomicReference<>();
    AtomicBoolean done = new AtomicBoolean();
    // keeps both directions of the current link draining while the test thread restarts b
    Thread sender =
        Thread.ofVirtual()
            .start(
                () -> {
                  for (int i = 0; i < 5_000_000 && !done.get(); i++) {
                    InMemoryTransport b = current.get();
                    if (b != null) {
                      a.send(b.localNode(), Channel.REPLICATION, new byte[] {1});
                      b.send(a.localNode(), Channel.REPLICATION, new byte[] {2});
                    }
                  }
                });
    try {
      assertTimeoutPreemptively(
          Duration.ofSeconds(30),
          () -> {
            for (int i = 0; i < 500; i++) {
              InMemoryTransport b = network.createTransport("b");
              b.setHandler(Channel.REPLICATION, (from, payload) -> {});
              a.connect(InMemoryNetwork.addressOf("b")).join();
              current.set(b);
            }
          });
    } finally {
      done.set(true);
      sender.join(Duration.ofSeconds(10));
    }
    assertThat(a.connectedNodes()).hasSize(1);
  }
}
