package io.meerkat.server.c2s;

import io.netty.channel.Channel;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes made on a channel's own event loop: each is queued as a task of the loop, behind the
 * writes other threads queued before it (a direct write would overtake them), and the channels
 * written to are flushed once, after the other tasks of the loop's turn. So the deliveries of many
 * messages handled in one turn leave in one system call per connection, as they do when a session's
 * mailbox gathers them.
 */
final class LoopFlush {

  private static final FastThreadLocal<LoopFlush> OF_THIS_LOOP =
      new FastThreadLocal<>() {
        @Override
        protected LoopFlush initialValue() {
          return new LoopFlush();
        }
      };

  private final Set<Channel> written = new LinkedHashSet<>();
  private boolean flushQueued;

  private LoopFlush() {}

  /** Queues {@code message} for {@code channel}; call on the channel's event loop. */
  static void write(Channel channel, Object message) {
    channel
        .eventLoop()
        .execute(
            () -> {
              channel.write(message, channel.voidPromise());
              OF_THIS_LOOP.get().flushLater(channel);
            });
  }

  private void flushLater(Channel channel) {
    written.add(channel);
    if (!flushQueued) {
      flushQueued = true;
      channel.eventLoop().execute(this::flushAll);
    }
  }

  private void flushAll() {
    flushQueued = false;
    // A copy: a flush may run code that writes again (and queues the next flush).
    List<Channel> toFlush = List.copyOf(written);
    written.clear();
    for (Channel channel : toFlush) {
      channel.flush();
    }
  }
}
