package io.meerkat.bench.xmpp;

import io.netty.handler.ssl.SslContext;

/**
 * What every generated client shares.
 *
 * @param domain the XMPP domain (the {@code to} of the stream header)
 * @param sslContext client TLS context for STARTTLS; {@code null} means plain TCP (the server must
 *     then not require TLS)
 * @param mechanism {@code PLAIN}, {@code SCRAM-SHA-1} or {@code SCRAM-SHA-256}
 * @param resource the resource every session binds
 */
public record ClientConfig(
    String domain,
    SslContext sslContext,
    String mechanism,
    String password,
    String resource,
    ScramClient.SaltCache saltCache) {

  public ClientConfig {
    if (!mechanism.equals("PLAIN") && scramHash(mechanism) == null) {
      throw new IllegalArgumentException("unsupported SASL mechanism " + mechanism);
    }
  }

  static ScramClient.Hash scramHash(String mechanism) {
    for (ScramClient.Hash h : ScramClient.Hash.values()) {
      if (h.mechanism().equals(mechanism)) {
        return h;
      }
    }
    return null;
  }
}
