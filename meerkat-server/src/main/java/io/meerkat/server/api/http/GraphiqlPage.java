package io.meerkat.server.api.http;

import io.meerkat.server.http.HttpExchange;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The GraphiQL IDE for browsers, served from the vendored files in {@code resources/graphiql}
 * (GraphiQL 4.1.2 and React 18.3.1, MIT): a browser GET of the endpoint without a query gets the
 * page, which posts its queries to the same path with the browser's cached credentials.
 */
final class GraphiqlPage {

  private static final Map<String, String> ASSETS =
      Map.of(
          "react.production.min.js", "text/javascript; charset=utf-8",
          "react-dom.production.min.js", "text/javascript; charset=utf-8",
          "graphiql.min.js", "text/javascript; charset=utf-8",
          "graphiql.min.css", "text/css; charset=utf-8");

  private final String path;
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  GraphiqlPage(String path) {
    this.path = path;
  }

  boolean servesAsset(String requestPath) {
    String prefix = path + "/graphiql/";
    return requestPath.startsWith(prefix)
        && ASSETS.containsKey(requestPath.substring(prefix.length()));
  }

  void asset(HttpExchange exchange) {
    String name = exchange.path().substring(path.length() + "/graphiql/".length());
    byte[] content = cache.computeIfAbsent(name, GraphiqlPage::read);
    exchange.respond(
        HttpResponseStatus.OK,
        ASSETS.get(name),
        content,
        Map.of("Cache-Control", "public, max-age=86400"));
  }

  /** A browser navigation to the endpoint itself, not an API call. */
  boolean wanted(HttpExchange exchange) {
    String accept = exchange.header("accept");
    return exchange.method().equals("GET")
        && exchange.queryParameter("query") == null
        && accept != null
        && accept.contains("text/html");
  }

  void page(HttpExchange exchange) {
    String assets = path + "/graphiql/";
    String html =
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Meerkat GraphQL</title>
          <link rel="stylesheet" href="%1$sgraphiql.min.css">
          <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
        </head>
        <body>
          <div id="graphiql">Loading GraphiQL...</div>
          <script src="%1$sreact.production.min.js"></script>
          <script src="%1$sreact-dom.production.min.js"></script>
          <script src="%1$sgraphiql.min.js"></script>
          <script>
            const fetcher = GraphiQL.createFetcher({ url: "%2$s" });
            ReactDOM.createRoot(document.getElementById("graphiql"))
              .render(React.createElement(GraphiQL, { fetcher }));
          </script>
        </body>
        </html>
        """
            .formatted(assets, path);
    exchange.respond(
        HttpResponseStatus.OK,
        "text/html; charset=utf-8",
        html.getBytes(StandardCharsets.UTF_8),
        Map.of("Cache-Control", "no-store"));
  }

  private static byte[] read(String name) {
    try (InputStream in =
        GraphiqlPage.class.getClassLoader().getResourceAsStream("graphiql/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing GraphiQL asset " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
