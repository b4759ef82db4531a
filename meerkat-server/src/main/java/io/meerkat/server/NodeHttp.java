package io.meerkat.server;

import graphql.GraphQL;
import io.meerkat.server.api.ApiCatalog;
import io.meerkat.server.api.ApiSchemas;
import io.meerkat.server.api.ApiServices;
import io.meerkat.server.api.Endpoint;
import io.meerkat.server.api.GraphqlCategory;
import io.meerkat.server.api.http.GraphqlRoutes;
import io.meerkat.server.config.HttpListenerConfig;
import io.meerkat.server.config.HttpListenerConfig.HttpHandlerConfig;
import io.meerkat.server.config.MeerkatConfig;
import io.meerkat.server.http.HttpHandlerSpecs;
import io.meerkat.server.http.HttpListener;
import io.meerkat.server.http.HttpRoute;
import io.meerkat.server.metrics.HealthRoute;
import io.meerkat.server.metrics.Metrics;
import io.meerkat.server.metrics.MetricsRoute;
import io.meerkat.server.metrics.Readiness;
import io.meerkat.server.net.EventLoops;
import io.meerkat.server.tls.CertificateStore;
import io.meerkat.server.tls.ServerSslContexts;
import io.netty.handler.ssl.SslContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the {@code [[listen.http]]} listeners of a node: GraphQL endpoints, metrics and health
 * probes, each handler turned into a route.
 */
final class NodeHttp {

  private static final Logger LOG = LoggerFactory.getLogger(NodeHttp.class);

  private final MeerkatConfig config;
  private final GraphqlRoutes graphql;
  private final Metrics metrics;
  private final Readiness readiness;

  NodeHttp(MeerkatConfig config, ApiServices api, Metrics metrics, Readiness readiness) {
    this.config = config;
    this.metrics = metrics;
    this.readiness = readiness;
    List<GraphqlCategory> categories = ApiCatalog.standard(api);
    Map<Endpoint, GraphQL> schemas = new EnumMap<>(Endpoint.class);
    if (uses(HttpHandlerSpecs.GRAPHQL)) {
      for (Endpoint e : Endpoint.values()) {
        schemas.put(e, ApiSchemas.build(e, categories, api.enabledModules()));
      }
    }
    this.graphql =
        new GraphqlRoutes(
            schemas,
            api.users(),
            api.domainAdmins(),
            api.hosts(),
            config.auth().password().scramIterations());
  }

  private boolean uses(String type) {
    return config.httpListeners().stream()
        .flatMap(l -> l.handlers().stream())
        .anyMatch(h -> h.type().equals(type));
  }

  /** Binds every HTTP listener; the caller closes them. */
  List<HttpListener> start(EventLoops loops, Executor blocking, CertificateStore certificates) {
    List<HttpListener> started = new ArrayList<>();
    try {
      for (HttpListenerConfig listener : config.httpListeners()) {
        SslContext ssl =
            listener.tls().isPresent()
                ? ServerSslContexts.build(
                    listener.tls().get(), certificates.material(listener.tls().get()))
                : null;
        List<HttpRoute> routes = listener.handlers().stream().map(this::route).toList();
        HttpListener http =
            HttpListener.start(
                loops,
                listener.ipAddress(),
                listener.port(),
                ssl,
                listener.maxRequestSize(),
                routes,
                blocking);
        started.add(http);
        LOG.info(
            "HTTP listener on {}:{} ({})",
            listener.ipAddress().getHostAddress(),
            http.port(),
            listener.handlers().stream().map(h -> h.type() + " " + h.path()).toList());
      }
      return started;
    } catch (RuntimeException e) {
      started.forEach(HttpListener::close);
      throw e;
    }
  }

  private HttpRoute route(HttpHandlerConfig handler) {
    return switch (handler.type()) {
      case HttpHandlerSpecs.GRAPHQL -> graphql.create(handler);
      case HttpHandlerSpecs.PROMETHEUS -> new MetricsRoute(handler.host(), handler.path(), metrics);
      case HttpHandlerSpecs.HEALTH -> new HealthRoute(handler.host(), handler.path(), readiness);
      default -> throw new IllegalStateException("unknown HTTP handler " + handler.type());
    };
  }
}
