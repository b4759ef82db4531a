package io.meerkat.server.metrics;

import io.meerkat.server.http.HttpExchange;
import io.meerkat.server.http.HttpRoute;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code meerkat_health_handler}: probes for orchestrators, no auth. {@code <path>/live} answers
 * 200 while the process serves HTTP; {@code <path>/ready} answers 200 when every {@link Readiness}
 * check passes and 503 otherwise, with each check's result in a small JSON object.
 */
public final class HealthRoute implements HttpRoute {

  private final String host;
  private final String path;
  private final Readiness readiness;

  public HealthRoute(String host, String path, Readiness readiness) {
    this.host = host;
    this.path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    this.readiness = readiness;
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
    String requested = exchange.path();
    if (requested.equals(path + "/live")) {
      respond(exchange, true, Map.of());
    } else if (requested.equals(path + "/ready")) {
      exchange.offload(
          () -> {
            Map<String, String> checks = readiness.evaluate();
            respond(exchange, checks.values().stream().allMatch("ok"::equals), checks);
          });
    } else {
      exchange.respondText(HttpResponseStatus.NOT_FOUND, "Not found\n");
    }
  }

  private static void respond(HttpExchange exchange, boolean up, Map<String, String> checks) {
    String details =
        checks.entrySet().stream()
            .map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
            .collect(Collectors.joining(",", "{", "}"));
    String body = "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"checks\":" + details + "}\n";
    exchange.respond(
        up ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
        "application/json; charset=utf-8",
        body.getBytes(StandardCharsets.UTF_8),
        Map.of("Cache-Control", "no-store"));
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"";
  }
}
