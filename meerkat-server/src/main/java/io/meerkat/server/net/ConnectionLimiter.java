package io.meerkat.server.net;

import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Enforces a listener's {@code max_connections}; accepted connections beyond it are closed. */
public final class ConnectionLimiter {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimiter.class);

  private final int max;
  private final AtomicInteger open = new AtomicInteger();

  public ConnectionLimiter(int max) {
    this.max = max;
  }

  /** Counts the channel in (and out again when it closes); false when the listener is full. */
  public boolean tryAcquire(Channel channel) {
    if (open.incrementAndGet() > max) {
      open.decrementAndGet();
      LOG.warn(
          "Refusing connection from {}: max_connections {} reached", channel.remoteAddress(), max);
      return false;
    }
    channel.closeFuture().addListener(f -> open.decrementAndGet());
    return true;
  }

  public int open() {
    return open.get();
  }
}
