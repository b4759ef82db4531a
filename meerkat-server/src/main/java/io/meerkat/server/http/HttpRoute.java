package io.meerkat.server.http;

/**
 * One configured HTTP handler ({@code [[listen.http.handlers.<type>]]}): it answers requests whose
 * path is its {@link #path()} or below it. Runs on a Netty event loop: anything that may block must
 * move to a virtual thread first ({@link HttpExchange#offload}).
 */
public interface HttpRoute {

  /** The {@code host} option: {@code "_"} for any host. */
  String host();

  /** The {@code path} option, e.g. {@code /api/graphql}. */
  String path();

  void handle(HttpExchange exchange);

  /** Whether this route serves a request for {@code requestHost} and {@code requestPath}. */
  default boolean matches(String requestHost, String requestPath) {
    if (!host().equals("_") && !host().equalsIgnoreCase(requestHost)) {
      return false;
    }
    String base = path().endsWith("/") ? path().substring(0, path().length() - 1) : path();
    return requestPath.equals(base) || requestPath.startsWith(base + "/") || base.isEmpty();
  }
}
