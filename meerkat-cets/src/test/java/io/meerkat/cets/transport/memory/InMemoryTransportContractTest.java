package io.meerkat.cets.transport.memory;

import io.meerkat.cets.transport.Channel;
import io.meerkat.cets.transport.ClusterTransport;
import io.meerkat.cets.transport.ClusterTransportContract;
import org.junit.jupiter.api.AfterEach;

/** The in-memory transport keeps the same contract as the Netty one, so tests on it carry over. */
class InMemoryTransportContractTest implements ClusterTransportContract {

  private final InMemoryNetwork network = new InMemoryNetwork();

  /**
   * An in-memory node refuses links until its replication handler is set (so that a peer's first
   * request cannot be dropped unanswered); the contract's tests set their own handlers later.
   */
  @Override
  public ClusterTransport newTransport(String name) {
    ClusterTransport transport = network.createTransport(name);
    transport.setHandler(Channel.REPLICATION, (from, payload) -> {});
    return transport;
  }

  @AfterEach
  void closeNetwork() {
    network.close();
  }
}
