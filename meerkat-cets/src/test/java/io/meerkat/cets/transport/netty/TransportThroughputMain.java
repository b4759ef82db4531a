package io.meerkat.cets.transport.netty;

import io.meerkat.cets.transport.Channel;
import io.meerkat.cets.transport.NodeId;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures one-way messages per second between two transports on loopback (not a test). Arguments:
 * message count (default 2,000,000), payload bytes (default 100), TLS off. One sender thread keeps
 * at most 50,000 messages in flight so the run measures throughput, not the overflow limit.
 */
public final class TransportThroughputMain {

  private TransportThroughputMain() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
    int size = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    try (NettyClusterTransport a = start("bench-a");
        NettyClusterTransport b = start("bench-b")) {
      AtomicLong received = new AtomicLong();
      b.setHandler(Channel.REPLICATION, (from, payload) -> received.incrementAndGet());
      NodeId to = a.connect(b.publishedAddress()).get(10, TimeUnit.SECONDS);
      byte[] payload = new byte[size];
      run(a, to, payload, 200_000, received);
      received.set(0);
      long start = System.nanoTime();
      run(a, to, payload, count, received);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%d messages of %d bytes in %.2f s: %.0f messages/s, %.1f MB/s payload (%s)%n",
          count,
          size,
          seconds,
          count / seconds,
          count * (double) size / seconds / 1e6,
          a.linkChannel(to).getClass().getSimpleName());
    }
  }

  private static void run(
      NettyClusterTransport a, NodeId to, byte[] payload, int count, AtomicLong received) {
    long base = received.get();
    for (int i = 0; i < count; i++) {
      while (i - (received.get() - base) > 50_000) {
        LockSupport.parkNanos(10_000);
      }
      if (!a.send(to, Channel.REPLICATION, payload)) {
        throw new IllegalStateException("link lost at message " + i);
      }
    }
    while (received.get() - base < count) {
      LockSupport.parkNanos(100_000);
    }
  }

  private static NettyClusterTransport start(String name) {
    return NettyClusterTransport.start(
        TransportSettings.builder(name, "bench-secret")
            .listenAddress(new InetSocketAddress("127.0.0.1", 0))
            .build());
  }
}
