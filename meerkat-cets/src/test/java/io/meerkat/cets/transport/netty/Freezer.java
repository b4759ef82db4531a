package io.meerkat.cets.transport.netty;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Freezes a transport's only I/O thread (start it with one I/O thread), like a stopped or stalled
 * process: its sockets stay open but it neither reads, writes nor answers heartbeats.
 */
final class Freezer implements AutoCloseable {

  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch frozen = new CountDownLatch(1);

  static Freezer freeze(NettyClusterTransport transport) throws InterruptedException {
    Freezer freezer = new Freezer();
    transport
        .ioGroup()
        .next()
        .execute(
            () -> {
              freezer.frozen.countDown();
              try {
                freezer.release.await(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    freezer.frozen.await(10, TimeUnit.SECONDS);
    return freezer;
  }

  @Override
  public void close() {
    release.countDown();
  }
}
