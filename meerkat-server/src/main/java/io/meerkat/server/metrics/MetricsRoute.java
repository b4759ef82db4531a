package io.meerkat.server.metrics;

import io.meerkat.server.http.HttpExchange;
import io.meerkat.server.http.HttpRoute;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;

/** {@code mongoose_prometheus_handler}: the metrics in the Prometheus text format, no auth. */
public final class MetricsRoute implements HttpRoute {

  private final String host;
  private final String path;
  private final Metrics metrics;

  public MetricsRoute(String host, String path, Metrics metrics) {
    this.host = host;
    this.path = path;
    this.metrics = metrics;
  }

  @Override
  public String host() {
    return host;
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public void handle(HttpExchange exchange) {
    if (!exchange.method().equals("GET")) {
      exchange.respondText(HttpResponseStatus.METHOD_NOT_ALLOWED, "Use GET\n");
      return;
    }
    // Gauges read the session table and the pool: keep that off the event loop.
    exchange.offload(
        () ->
            exchange.respond(
                HttpResponseStatus.OK,
                "text/plain; version=0.0.4; charset=utf-8",
                metrics.scrape().getBytes(StandardCharsets.UTF_8)));
  }
}
