package io.meerkat.server.tls;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * A listener's certificate chain and key, as files Netty reads, plus the parsed leaf certificate
 * (its hash is the {@code tls-server-end-point} channel binding).
 */
public record TlsMaterial(
    Path certificateFile, Path keyFile, Optional<String> keyPassword, X509Certificate leaf) {}
