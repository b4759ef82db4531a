package io.meerkat.cets.transport.netty;

import io.meerkat.cets.transport.Channel;
import io.meerkat.cets.transport.MessageHandler;
import io.meerkat.cets.transport.NodeId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler of each channel. A handler that throws is logged; the link stays up.
 *
 * <p>A peer may link and send its first requests before this node's application has set its
 * handlers (the listener starts first). Dropping those would leave the peer waiting for answers
 * that never come, so messages for a channel without a handler are held, up to {@link #MAX_EARLY}
 * per channel, and handed to the handler in arrival order when it is set.
 */
final class MessageHandlers {

  static final int MAX_EARLY = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(MessageHandlers.class);

  private record Early(NodeId from, byte[] payload) {}

  private final AtomicReferenceArray<MessageHandler> handlers =
      new AtomicReferenceArray<>(Channel.values().length);
  private final List<Queue<Early>> early = new ArrayList<>();

  MessageHandlers() {
    for (int i = 0; i < Channel.values().length; i++) {
      early.add(new ArrayDeque<>());
    }
  }

  /** Sets the handler and first gives it the messages that waited for it. */
  synchronized void set(Channel channel, MessageHandler handler) {
    Queue<Early> waiting = early.get(channel.ordinal());
    for (Early e = waiting.poll(); e != null; e = waiting.poll()) {
      call(handler, e.from(), channel, e.payload());
    }
    handlers.set(channel.ordinal(), handler);
  }

  void deliver(NodeId from, Channel channel, byte[] payload) {
    MessageHandler handler = handlers.get(channel.ordinal());
    if (handler == null) {
      synchronized (this) {
        handler = handlers.get(channel.ordinal());
        if (handler == null) {
          hold(from, channel, payload);
          return;
        }
      }
    }
    call(handler, from, channel, payload);
  }

  private void hold(NodeId from, Channel channel, byte[] payload) {
    Queue<Early> waiting = early.get(channel.ordinal());
    if (waiting.size() < MAX_EARLY) {
      waiting.add(new Early(from, payload));
    } else {
      LOG.warn("No handler for channel {} yet; dropped a message from {}", channel, from);
    }
  }

  private static void call(MessageHandler handler, NodeId from, Channel channel, byte[] payload) {
    try {
      handler.onMessage(from, payload);
    } catch (RuntimeException e) {
      LOG.error("Handler of channel {} failed on a message from {}", channel, from, e);
    }
  }
}
