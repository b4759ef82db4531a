package io.meerkat.cets.transport.netty;

import io.meerkat.cets.transport.NodeId;

/**
 * Decides whether a peer may (re)establish a link: consulted for every incoming and outgoing
 * handshake once the peer's identity is known, before it is authenticated as up. This is the
 * reconnect gate (refuse a node until its cleanup is done) and the tool tests use to simulate
 * netsplits.
 *
 * <p>A gate only affects handshakes. After a gate starts refusing a peer that already has a link,
 * call {@link NettyClusterTransport#enforceGate()} to close such links.
 *
 * <p>Called on I/O threads: must be fast and must not block.
 */
@FunctionalInterface
public interface HandshakeGate {

  /** Admits every peer. */
  HandshakeGate OPEN = peer -> true;

  /** Whether {@code peer} may have a link to this node. */
  boolean admits(NodeId peer);
}
