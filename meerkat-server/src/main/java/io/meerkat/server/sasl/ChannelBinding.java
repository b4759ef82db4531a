package io.meerkat.server.sasl;

import java.util.List;
import java.util.Optional;

/**
 * The channel-binding data a TLS connection can provide (RFC 5929 {@code tls-server-end-point}, RFC
 * 9266 {@code tls-exporter}). Types are listed in preference order.
 */
public interface ChannelBinding {

  /** The types available on this connection. */
  List<String> types();

  /** The binding data for a type, empty when unavailable. */
  Optional<byte[]> data(String type);

  ChannelBinding NONE =
      new ChannelBinding() {
        @Override
        public List<String> types() {
          return List.of();
        }

        @Override
        public Optional<byte[]> data(String type) {
          return Optional.empty();
        }
      };
}
