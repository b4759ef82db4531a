package io.meerkat.server.config;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * One {@code [[listen.http]]} entry with its handlers.
 *
 * @param ipAddress {@code ip_address}
 * @param port {@code port}
 * @param tls {@code tls.*}, absent for plain HTTP
 * @param maxRequestSize {@code max_request_size}: larger request bodies get 413
 * @param handlers the {@code [[listen.http.handlers.<type>]]} entries in file order
 */
public record HttpListenerConfig(
    InetAddress ipAddress,
    int port,
    Optional<TlsConfig> tls,
    int maxRequestSize,
    List<HttpHandlerConfig> handlers) {

  /**
   * One handler: {@code type} is the handler kind (for example {@code mongoose_graphql_handler}),
   * {@code path} its URL path, {@code options} the rest, validated by the handler's spec.
   */
  public record HttpHandlerConfig(String type, String host, String path, ModuleOptions options) {}
}
