package io.meerkat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;

/** Talks to the admin GraphQL endpoint: one POST per command, or an SSE stream. */
final class AdminClient {

  /** The node could not be reached (not running, wrong address). */
  static final class UnreachableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreachableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Connection connection;
  private final ObjectMapper json;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  AdminClient(Connection connection, ObjectMapper json) {
    this.connection = connection;
    this.json = json;
  }

  private String authorization() {
    String pair = connection.username() + ":" + connection.password();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Runs a query or mutation. A response that is not GraphQL JSON (for example 401) becomes an
   * {@code errors} object with the HTTP status.
   */
  JsonNode execute(String query, Map<String, Object> variables) throws UnreachableException {
    try {
      byte[] body = json.writeValueAsBytes(Map.of("query", query, "variables", variables));
      HttpRequest request =
          HttpRequest.newBuilder(connection.url())
              .timeout(Duration.ofSeconds(60))
              .header("Authorization", authorization())
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return parse(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UnreachableException(
          "cannot reach the admin API at " + connection.url() + ": " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnreachableException("interrupted", e);
    }
  }

  /** Streams a subscription: {@code onEvent} gets each result until the server ends the stream. */
  void subscribe(String query, Map<String, Object> variables, Consumer<JsonNode> onEvent)
      throws UnreachableException {
    try {
      String uri =
          connection.sseUrl()
              + "?query="
              + URLEncoder.encode(query, StandardCharsets.UTF_8)
              + "&variables="
              + URLEncoder.encode(json.writeValueAsString(variables), StandardCharsets.UTF_8);
      HttpRequest request =
          HttpRequest.newBuilder(java.net.URI.create(uri))
              .header("Authorization", authorization())
              .header("Accept", "text/event-stream")
              .GET()
              .build();
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        onEvent.accept(parse(response.statusCode(), response.body().readAllBytes()));
        return;
      }
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.startsWith("data: ")) {
            onEvent.accept(json.readTree(line.substring(6)));
          }
        }
      }
    } catch (IOException e) {
      throw new UnreachableException(
          "cannot reach the admin API at " + connection.sseUrl() + ": " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnreachableException("interrupted", e);
    }
  }

  private JsonNode parse(int status, byte[] body) {
    try {
      JsonNode node = json.readTree(body);
      if (node != null && node.isObject() && (node.has("data") || node.has("errors"))) {
        return node;
      }
    } catch (IOException e) {
      // not JSON: reported below with the status
    }
    return json.valueToTree(
        Map.of(
            "errors",
            java.util.List.of(
                Map.of(
                    "message",
                    "HTTP " + status + ": " + new String(body, StandardCharsets.UTF_8).strip()))));
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }
}
