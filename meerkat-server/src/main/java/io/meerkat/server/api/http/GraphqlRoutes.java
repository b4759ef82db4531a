package io.meerkat.server.api.http;

import graphql.GraphQL;
import io.meerkat.server.api.Endpoint;
import io.meerkat.server.auth.DomainAdminBackend;
import io.meerkat.server.auth.UserStore;
import io.meerkat.server.config.HttpListenerConfig.HttpHandlerConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Creates {@code mongoose_graphql_handler} routes; each schema is built once. The {@code admin} and
 * {@code domain_admin} endpoints share the admin schema, whose {@code @protected} scopes keep
 * domain administrators to their domain.
 */
public final class GraphqlRoutes {

  private final Map<Endpoint, GraphQL> schemas;
  private final UserStore users;
  private final DomainAdminBackend domainAdmins;
  private final Set<String> hosts;
  private final int scramIterations;

  /**
   * @param schemas the executable schema of each endpoint
   * @param scramIterations iterations of the key derivation for unknown users (equal timing)
   */
  public GraphqlRoutes(
      Map<Endpoint, GraphQL> schemas,
      UserStore users,
      DomainAdminBackend domainAdmins,
      Set<String> hosts,
      int scramIterations) {
    this.schemas = Map.copyOf(schemas);
    this.users = users;
    this.domainAdmins = domainAdmins;
    this.hosts = Set.copyOf(hosts);
    this.scramIterations = scramIterations;
  }

  /** The route for one configured handler (options already validated by the loader). */
  public GraphqlRoute create(HttpHandlerConfig handler) {
    String name = handler.options().get("schema_endpoint", String.class);
    Endpoint schema = name.equals("user") ? Endpoint.USER : Endpoint.ADMIN;
    Authenticator authenticator =
        switch (name) {
          case "user" -> new UserAuthenticator(users, hosts, scramIterations);
          case "domain_admin" -> new DomainAdminAuthenticator(domainAdmins, hosts);
          default ->
              new AdminAuthenticator(
                  handler.options().get("username", String.class),
                  handler
                      .options()
                      .find("password", String.class)
                      .orElseGet(
                          () ->
                              AdminPasswordFile.readOrCreate(
                                  Path.of(handler.options().get("password_file", String.class)))));
        };
    return new GraphqlRoute(
        handler.host(), handler.path(), name, schemas.get(schema), authenticator);
  }
}
