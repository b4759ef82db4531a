package io.meerkat.server.c2s;

import io.meerkat.server.config.TlsConfig.TlsMode;
import io.meerkat.server.tls.TlsMaterial;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;

/**
 * One listener's settings as a session sees them.
 *
 * @param sslContext for STARTTLS (and Direct TLS, applied by the pipeline)
 * @param tlsMaterial our certificate, for channel binding
 */
public record C2sSettings(
    TlsMode tlsMode,
    SslContext sslContext,
    TlsMaterial tlsMaterial,
    int maxStanzaSize,
    Duration stateTimeout,
    boolean backwardsCompatibleSession,
    String accessRule,
    int maxAuthFailures) {}
