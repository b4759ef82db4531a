package io.meerkat.cets.transport.netty;

import io.meerkat.cets.transport.Channel;
import io.meerkat.cets.transport.MessageHandler;
import io.meerkat.cets.transport.NodeId;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The handler of each channel. A handler that throws is logged; the link stays up. */
final class MessageHandlers {

  private static final Logger LOG = LoggerFactory.getLogger(MessageHandlers.class);

  private final AtomicReferenceArray<MessageHandler> handlers =
      new AtomicReferenceArray<>(Channel.values().length);

  void set(Channel channel, MessageHandler handler) {
    handlers.set(channel.ordinal(), handler);
  }

  void deliver(NodeId from, Channel channel, byte[] payload) {
    MessageHandler handler = handlers.get(channel.ordinal());
    if (handler == null) {
      LOG.debug("No handler for channel {}; dropped a message from {}", channel, from);
      return;
    }
    try {
      handler.onMessage(from, payload);
    } catch (RuntimeException e) {
      LOG.error("Handler of channel {} failed on a message from {}", channel, from, e);
    }
  }
}
