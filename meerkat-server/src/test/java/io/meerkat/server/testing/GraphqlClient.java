package io.meerkat.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** A GraphQL-over-HTTP client with basic auth for tests: JSON in, parsed JSON and status out. */
public final class GraphqlClient {

  /** A response: HTTP status and the parsed JSON body. */
  public record Response(int status, JsonNode body, HttpResponse<String> raw) {

    /** The value at a path of field names under {@code data}, e.g. {@code account/checkUser}. */
    public JsonNode data(String path) {
      JsonNode node = body.path("data");
      for (String part : path.split("/")) {
        node = node.path(part);
      }
      return node;
    }

    /** The first error's {@code extensions.code}, or missing. */
    public String errorCode() {
      return body.path("errors").path(0).path("extensions").path("code").asText();
    }

    public String errorMessage() {
      return body.path("errors").path(0).path("message").asText();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final int port;
  private final String authorization;

  public GraphqlClient(int port, String user, String password) {
    this.port = port;
    this.authorization = basic(user, password);
  }

  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  /** POSTs a query with variables as JSON. */
  public Response query(String query, Map<String, Object> variables) {
    try {
      String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
      return send(
          HttpRequest.newBuilder(uri("/api/graphql"))
              .header("Authorization", authorization)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Response query(String query) {
    return query(query, Map.of());
  }

  /** Sends any request and parses the body as JSON when it is JSON. */
  public Response send(HttpRequest request) {
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonNode body =
          response.body().startsWith("{")
              ? JSON.readTree(response.body())
              : JSON.getNodeFactory().missingNode();
      return new Response(response.statusCode(), body, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(uri(pathAndQuery)).header("Authorization", authorization);
  }

  public HttpClient http() {
    return http;
  }
}
