package io.meerkat.server.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meerkat.server.http.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code query}, {@code variables} and {@code operationName} of a GraphQL-over-HTTP request:
 * from the URL on GET, from a JSON body ({@code application/json}) or a raw document ({@code
 * application/graphql}) on POST.
 */
record GraphqlRequest(String query, Map<String, Object> variables, String operationName) {

  /** A request that is not a well-formed GraphQL-over-HTTP request. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    Malformed(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  static GraphqlRequest parse(HttpExchange exchange, ObjectMapper json) throws Malformed {
    if (exchange.method().equals("GET")) {
      return of(
          exchange.queryParameter("query"),
          variables(exchange.queryParameter("variables"), json),
          exchange.queryParameter("operationName"));
    }
    String contentType = exchange.header("content-type");
    String mediaType =
        contentType == null
            ? "application/json"
            : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    String body = new String(exchange.body(), StandardCharsets.UTF_8);
    switch (mediaType) {
      case "application/graphql" -> {
        return of(body, Map.of(), exchange.queryParameter("operationName"));
      }
      case "application/json" -> {
        JsonNode node;
        try {
          node = json.readTree(body);
        } catch (JsonProcessingException e) {
          throw new Malformed(400, "Malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
          throw new Malformed(400, "The body must be a JSON object with a query");
        }
        JsonNode query = node.get("query");
        JsonNode operation = node.get("operationName");
        JsonNode vars = node.get("variables");
        if (query != null && !query.isTextual() && !query.isNull()) {
          throw new Malformed(400, "query must be a string");
        }
        return of(
            query == null || query.isNull() ? null : query.asText(),
            vars == null || vars.isNull() ? Map.of() : toMap(vars, json),
            operation == null || operation.isNull() ? null : operation.asText());
      }
      default ->
          throw new Malformed(
              415, "Unsupported content type " + mediaType + "; use application/json");
    }
  }

  private static GraphqlRequest of(String query, Map<String, Object> variables, String operation)
      throws Malformed {
    if (query == null || query.isBlank()) {
      throw new Malformed(400, "No query in the request");
    }
    return new GraphqlRequest(query, variables, operation);
  }

  private static Map<String, Object> variables(String text, ObjectMapper json) throws Malformed {
    if (text == null || text.isBlank()) {
      return Map.of();
    }
    try {
      return toMap(json.readTree(text), json);
    } catch (JsonProcessingException e) {
      throw new Malformed(400, "Malformed JSON in variables: " + e.getOriginalMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> toMap(JsonNode node, ObjectMapper json) throws Malformed {
    if (!node.isObject()) {
      throw new Malformed(400, "variables must be a JSON object");
    }
    return json.convertValue(node, Map.class);
  }
}
