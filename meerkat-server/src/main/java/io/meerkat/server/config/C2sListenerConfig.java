package io.meerkat.server.config;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

/**
 * One {@code [[listen.c2s]]} entry.
 *
 * @param ipAddress {@code ip_address}, default all interfaces
 * @param port {@code port}, mandatory
 * @param tls {@code tls.*}
 * @param maxStanzaSize {@code max_stanza_size} in bytes, default 65536
 * @param stateTimeout {@code state_timeout}: time allowed for each negotiation step before
 *     authentication completes, default 5 s
 * @param backlog {@code backlog}, default 1024
 * @param maxConnections {@code max_connections}, default unlimited ({@link Integer#MAX_VALUE})
 * @param access {@code access} rule that decides who may log in, default {@code "c2s"}
 * @param shaper {@code shaper} name limiting inbound bytes per connection, default {@code "none"}
 * @param backwardsCompatibleSession {@code backwards_compatible_session}: advertise the RFC 3921
 *     session feature, default true
 * @param allowedAuthMethods {@code allowed_auth_methods}; empty means every configured method
 */
public record C2sListenerConfig(
    InetAddress ipAddress,
    int port,
    TlsConfig tls,
    int maxStanzaSize,
    Duration stateTimeout,
    int backlog,
    int maxConnections,
    String access,
    String shaper,
    boolean backwardsCompatibleSession,
    List<String> allowedAuthMethods) {}
