package io.meerkat.cets.transport.netty;

import io.meerkat.cets.transport.ClusterTransport;
import io.meerkat.cets.transport.ClusterTransportContract;
import org.junit.jupiter.api.AfterEach;

class NettyClusterTransportTest implements ClusterTransportContract {

  private final TestTransports transports = new TestTransports();

  @Override
  public ClusterTransport newTransport(String name) {
    return transports.start(name);
  }

  @AfterEach
  void closeTransports() {
    transports.close();
  }
}
