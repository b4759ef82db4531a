package io.meerkat.cets.transport.netty;

import io.meerkat.cets.transport.NodeId;
import io.meerkat.cets.transport.TransportListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registered listeners; one failing listener neither stops the others nor the transport. */
final class ListenerSet {

  private static final Logger LOG = LoggerFactory.getLogger(ListenerSet.class);

  private final List<TransportListener> listeners = new CopyOnWriteArrayList<>();

  void add(TransportListener listener) {
    listeners.add(listener);
  }

  void remove(TransportListener listener) {
    listeners.remove(listener);
  }

  void fireUp(NodeId node) {
    for (TransportListener listener : listeners) {
      try {
        listener.nodeUp(node);
      } catch (RuntimeException e) {
        LOG.error("Transport listener {} failed on nodeUp({})", listener, node, e);
      }
    }
  }

  void fireDown(NodeId node, String reason) {
    for (TransportListener listener : listeners) {
      try {
        listener.nodeDown(node, reason);
      } catch (RuntimeException e) {
        LOG.error("Transport listener {} failed on nodeDown({})", listener, node, e);
      }
    }
  }
}
