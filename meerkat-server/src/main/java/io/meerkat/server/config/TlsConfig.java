package io.meerkat.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code tls} sub-section of a listener.
 *
 * @param mode how TLS is negotiated on the listener
 * @param certfile PEM certificate chain; absent means the generated self-signed certificate for the
 *     served hosts (kept under the data directory and reused across restarts)
 * @param keyfile PEM private key; may be absent when the key is appended to {@code certfile}
 * @param password password of an encrypted key, if any
 * @param versions allowed protocol versions, from {@code ["tlsv1.2", "tlsv1.3"]} (default both)
 * @param ciphers cipher suites in OpenSSL notation; empty means the provider's secure defaults
 * @param provider the TLS implementation to use
 */
public record TlsConfig(
    TlsMode mode,
    Optional<Path> certfile,
    Optional<Path> keyfile,
    Optional<String> password,
    List<String> versions,
    List<String> ciphers,
    Provider provider) {

  /**
   * TLS implementations: OpenSSL (BoringSSL through netty-tcnative, faster) falls back to the JDK
   * when the native library cannot load. The JDK provider is needed for the {@code tls-exporter}
   * channel binding.
   */
  public enum Provider {
    OPENSSL,
    JDK
  }

  /** How a listener offers TLS. */
  public enum TlsMode {
    /** Direct TLS (XEP-0368): the TLS handshake comes first, as on port 5223. */
    TLS,
    /** STARTTLS is offered but not required. */
    STARTTLS,
    /** STARTTLS must complete before authentication (the default). */
    STARTTLS_REQUIRED
  }
}
