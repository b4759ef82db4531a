package io.meerkat.server.tls;

import io.meerkat.server.config.TlsConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;

/** Builds server {@link SslContext}s from listener TLS settings. */
public final class ServerSslContexts {
  private ServerSslContexts() {}

  /**
   * A server context: OpenSSL (BoringSSL) when configured and loadable, else the JDK provider; only
   * the configured protocol versions; no client certificates.
   */
  public static SslContext build(TlsConfig tls, TlsMaterial material) {
    SslProvider provider =
        tls.provider() == TlsConfig.Provider.OPENSSL && OpenSsl.isAvailable()
            ? SslProvider.OPENSSL
            : SslProvider.JDK;
    SslContextBuilder builder =
        SslContextBuilder.forServer(
                material.certificateFile().toFile(),
                material.keyFile().toFile(),
                material.keyPassword().orElse(null))
            .sslProvider(provider)
            .clientAuth(ClientAuth.NONE)
            .protocols(protocols(tls.versions()));
    if (!tls.ciphers().isEmpty()) {
      builder.ciphers(tls.ciphers());
    }
    try {
      return builder.build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new TlsSetupException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static String[] protocols(List<String> versions) {
    return versions.stream()
        .map(v -> "TLSv" + v.toLowerCase(Locale.ROOT).substring("tlsv".length()))
        .toArray(String[]::new);
  }
}
