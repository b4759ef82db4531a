package io.meerkat.cets.transport;

/**
 * The logical channels multiplexed on the single link between two nodes. Messages of all channels
 * share the link, so they keep one FIFO order per direction of a link.
 */
public enum Channel {
  /** Table replication: remote ops, acks, dumps, join and pause traffic. */
  REPLICATION,
  /** The application's own traffic (routed stanzas, small requests). */
  APPLICATION
}
