package io.meerkat.cets.transport.netty;

import io.meerkat.cets.transport.NodeId;
import java.net.InetSocketAddress;

/** What the per-link handlers share with their transport. */
record LinkEnvironment(
    NodeId local,
    InetSocketAddress published,
    TransportSettings settings,
    HandshakeAuth auth,
    HandshakeGate gate,
    LinkRegistry registry,
    MessageHandlers handlers) {}
