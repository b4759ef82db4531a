package io.meerkat.server.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.meerkat.server.api.Caller;
import io.meerkat.server.http.HttpExchange;
import io.meerkat.server.http.HttpRoute;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GraphQL endpoint ({@code mongoose_graphql_handler}): queries and mutations by GET or POST at
 * {@code path}, subscriptions as Server-Sent Events at {@code path/sse}, the GraphiQL page for
 * browsers at {@code path}. Every request is authenticated with HTTP basic auth on a virtual
 * thread; failures are a plain 401 that does not say which part was wrong.
 *
 * <p>Status codes: 200 once execution started (field errors are in {@code errors}); 400 for
 * requests that are not GraphQL or do not validate; 401; 403 for a domain administrator's request
 * with commands outside its domain; 405, 413 (body too large), 415.
 */
public final class GraphqlRoute implements HttpRoute {

  private static final Logger LOG = LoggerFactory.getLogger(GraphqlRoute.class);
  private static final String JSON = "application/json; charset=utf-8";

  private final String host;
  private final String path;
  private final String endpoint;
  private final GraphQL graphQL;
  private final Authenticator authenticator;
  private final ObjectMapper json = new ObjectMapper();
  private final GraphiqlPage graphiql;

  /**
   * @param endpoint the {@code schema_endpoint} name, for the authentication realm
   */
  GraphqlRoute(
      String host, String path, String endpoint, GraphQL graphQL, Authenticator authenticator) {
    this.host = host;
    this.path =
        path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    this.endpoint = endpoint;
    this.graphQL = graphQL;
    this.authenticator = authenticator;
    this.graphiql = new GraphiqlPage(this.path);
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
    String requestPath = exchange.path();
    if (graphiql.servesAsset(requestPath)) {
      exchange.offload(() -> graphiql.asset(exchange)); // the first read comes from the jar
      return;
    }
    boolean sse = requestPath.equals(path + "/sse");
    if (!sse && !requestPath.equals(path)) {
      exchange.respondText(HttpResponseStatus.NOT_FOUND, "Not found\n");
      return;
    }
    if (!exchange.method().equals("GET") && !exchange.method().equals("POST")) {
      exchange.respond(
          HttpResponseStatus.METHOD_NOT_ALLOWED,
          JSON,
          errorBody("Use GET or POST", "bad_request"),
          Map.of("Allow", "GET, POST"));
      return;
    }
    exchange.offload(() -> authenticated(exchange, sse));
  }

  private void authenticated(HttpExchange exchange, boolean sse) {
    Optional<Authenticator.Principal> principal =
        Authenticator.basicCredentials(exchange.header("authorization"))
            .flatMap(c -> authenticator.authenticate(c[0], c[1]));
    if (principal.isEmpty()) {
      exchange.respond(
          HttpResponseStatus.UNAUTHORIZED,
          JSON,
          errorBody("Authentication failed", "no_permissions"),
          Map.of("WWW-Authenticate", "Basic realm=\"Meerkat " + endpoint + "\""));
      return;
    }
    if (!sse && graphiql.wanted(exchange)) {
      graphiql.page(exchange);
      return;
    }
    GraphqlRequest request;
    try {
      request = GraphqlRequest.parse(exchange, json);
    } catch (GraphqlRequest.Malformed e) {
      exchange.respond(
          HttpResponseStatus.valueOf(e.status()), JSON, errorBody(e.getMessage(), "bad_request"));
      return;
    }
    String refusal = refusal(request, exchange, sse);
    if (refusal != null) {
      exchange.respond(HttpResponseStatus.BAD_REQUEST, JSON, errorBody(refusal, "bad_request"));
      return;
    }
    List<Runnable> afterResponse = new ArrayList<>();
    ExecutionInput input =
        ExecutionInput.newExecutionInput()
            .query(request.query())
            .operationName(request.operationName())
            .variables(request.variables())
            .graphQLContext(
                b ->
                    Caller.init(
                        b, principal.get().user(), principal.get().adminDomain(), afterResponse))
            .build();
    ExecutionResult result = graphQL.execute(input);
    if (sse) {
      SseStream stream = new SseStream(exchange, json, this::specification);
      if (result.getData() instanceof Publisher<?> events) {
        stream.start(events);
      } else {
        stream.single(result); // the subscription could not start: its errors, then the end
      }
      return;
    }
    exchange
        .respond(status(result), JSON, write(specification(result)))
        .addListener(f -> afterResponse.forEach(Runnable::run));
  }

  /**
   * 200 once execution started; 403 when a domain administrator's request was refused whole for
   * commands outside its scope; 400 when the request did not validate.
   */
  private static HttpResponseStatus status(ExecutionResult result) {
    if (result.isDataPresent()) {
      return HttpResponseStatus.OK;
    }
    boolean refused =
        !result.getErrors().isEmpty()
            && result.getErrors().stream()
                .allMatch(
                    e ->
                        e.getExtensions() != null
                            && "no_permissions".equals(e.getExtensions().get("code")));
    return refused ? HttpResponseStatus.FORBIDDEN : HttpResponseStatus.BAD_REQUEST;
  }

  /**
   * Requests refused before execution: subscriptions outside {@code /sse} (and other operations on
   * it), and mutations by GET from a browser on another site (cross-site request forgery with
   * cached credentials). Mutations by GET from other clients are allowed, as scripts rely on them.
   */
  private String refusal(GraphqlRequest request, HttpExchange exchange, boolean sse) {
    Document document;
    try {
      document = Parser.parse(request.query());
    } catch (InvalidSyntaxException e) {
      return null; // execution reports the syntax error with its location
    }
    OperationDefinition.Operation operation = null;
    for (OperationDefinition op : document.getDefinitionsOfType(OperationDefinition.class)) {
      if (request.operationName() == null || request.operationName().equals(op.getName())) {
        operation = op.getOperation();
        break;
      }
    }
    if (operation == null) {
      return null;
    }
    if (sse != (operation == OperationDefinition.Operation.SUBSCRIPTION)) {
      return sse
          ? "Only subscriptions are served at " + path + "/sse"
          : "Subscriptions are served as Server-Sent Events at " + path + "/sse";
    }
    String site = exchange.header("sec-fetch-site");
    if (exchange.method().equals("GET")
        && operation == OperationDefinition.Operation.MUTATION
        && site != null
        && !site.equals("same-origin")
        && !site.equals("none")) {
      return "Mutations from other sites must use POST";
    }
    return null;
  }

  /** The response map, with an {@code extensions.code} on every error. */
  @SuppressWarnings("unchecked")
  Map<String, Object> specification(ExecutionResult result) {
    Map<String, Object> spec = new LinkedHashMap<>(result.toSpecification());
    Object errors = spec.get("errors");
    if (errors instanceof List<?> list) {
      List<Object> coded = new ArrayList<>();
      for (Object e : list) {
        Map<String, Object> error = new LinkedHashMap<>((Map<String, Object>) e);
        Map<String, Object> extensions =
            new LinkedHashMap<>(
                error.get("extensions") instanceof Map<?, ?> m
                    ? (Map<String, Object>) m
                    : Map.of());
        if (!extensions.containsKey("code")) {
          extensions.put("code", result.isDataPresent() ? "internal_server_error" : "bad_request");
        }
        error.put("extensions", extensions);
        coded.add(error);
      }
      spec.put("errors", coded);
    }
    return spec;
  }

  private byte[] errorBody(String message, String code) {
    return write(
        Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code)))));
  }

  private byte[] write(Object value) {
    try {
      return json.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      LOG.error("Cannot write a GraphQL response", e);
      return "{\"errors\":[{\"message\":\"Internal server error\"}]}"
          .getBytes(StandardCharsets.UTF_8);
    }
  }
}
