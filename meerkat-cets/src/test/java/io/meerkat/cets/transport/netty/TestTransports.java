package io.meerkat.cets.transport.netty;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Starts transports on 127.0.0.1 with free ports and closes them all at the end of a test. */
final class TestTransports implements AutoCloseable {

  static final String SECRET = "test-cluster-secret";

  private final List<NettyClusterTransport> started = new ArrayList<>();

  static TransportSettings.Builder settings(String name) {
    return TransportSettings.builder(name, SECRET)
        .listenAddress(new InetSocketAddress("127.0.0.1", 0))
        .handshakeTimeout(Duration.ofSeconds(3))
        .ioThreads(1);
  }

  NettyClusterTransport start(String name) {
    return start(name, UnaryOperator.identity(), HandshakeGate.OPEN);
  }

  NettyClusterTransport start(
      String name, UnaryOperator<TransportSettings.Builder> tweak, HandshakeGate gate) {
    NettyClusterTransport transport =
        NettyClusterTransport.start(tweak.apply(settings(name)).build(), gate);
    synchronized (started) {
      started.add(transport);
    }
    return transport;
  }

  @Override
  public void close() {
    synchronized (started) {
      started.forEach(NettyClusterTransport::close);
      started.clear();
    }
  }
}
