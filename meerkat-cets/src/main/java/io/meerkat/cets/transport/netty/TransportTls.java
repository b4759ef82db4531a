package io.meerkat.cets.transport.netty;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.File;
import java.util.Objects;
import javax.net.ssl.SSLException;

/**
 * TLS for cluster links: the context for links this node accepts and the one for links it opens.
 * TLS adds confidentiality and certificate-based trust; the cluster-secret handshake still runs
 * inside it, so a node needs both to join.
 *
 * @param server used for accepted links
 * @param client used for links this node opens
 */
public record TransportTls(SslContext server, SslContext client) {

  public TransportTls {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(client, "client");
    if (!server.isServer()) {
      throw new IllegalArgumentException("The server TLS context is a client context");
    }
    if (client.isServer()) {
      throw new IllegalArgumentException("The client TLS context is a server context");
    }
  }

  /**
   * Mutual TLS from PEM files: every node presents {@code certificateChain}/{@code privateKey}
   * (PKCS#8, unencrypted) and trusts the peers whose certificates chain to {@code
   * trustedCertificates}. Host names are not verified: nodes are addressed by IP and identified by
   * the cluster handshake, not by the certificate's names.
   *
   * @throws SSLException when a file cannot be read or parsed
   */
  public static TransportTls fromPem(
      File certificateChain, File privateKey, File trustedCertificates) throws SSLException {
    try {
      SslContext server =
          SslContextBuilder.forServer(certificateChain, privateKey)
              .trustManager(trustedCertificates)
              .clientAuth(ClientAuth.REQUIRE)
              .build();
      SslContext client =
          SslContextBuilder.forClient()
              .keyManager(certificateChain, privateKey)
              .trustManager(trustedCertificates)
              .endpointIdentificationAlgorithm(null)
              .build();
      return new TransportTls(server, client);
    } catch (IllegalArgumentException e) {
      throw new SSLException("Cannot load cluster TLS material: " + e.getMessage(), e);
    }
  }
}
