package io.meerkat.server.api;

import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the executable admin or user schema: the shared types, the endpoint's root types, then
 * every category's fragments and data fetchers.
 */
public final class ApiSchemas {

  private ApiSchemas() {}

  /**
   * @param enabledModules the modules enabled on this node; {@code @use} fields of others fail
   */
  public static GraphQL build(
      Endpoint endpoint, List<GraphqlCategory> categories, Set<String> enabledModules) {
    List<String> files = new ArrayList<>();
    files.add("graphql/common.graphqls");
    files.add("graphql/" + endpoint.configName() + "/schema.graphqls");
    categories.forEach(c -> files.addAll(c.schemaFiles(endpoint)));
    TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
    SchemaParser parser = new SchemaParser();
    for (String file : files) {
      registry.merge(parser.parse(read(file)));
    }
    RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
    Scalars.all().forEach(wiring::scalar);
    wiring.directive(UseDirective.NAME, new UseDirective(enabledModules));
    wireCheckAuth(endpoint, wiring);
    categories.forEach(c -> c.wire(endpoint, wiring));
    GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(registry, wiring.build());
    GraphQL.Builder graphql =
        GraphQL.newGraphQL(schema).defaultDataFetcherExceptionHandler(new ApiExceptionHandler());
    if (endpoint == Endpoint.ADMIN) {
      graphql.instrumentation(new DomainAdminGuard(AdminScopes.of(schema)));
    }
    return graphql.build();
  }

  /** Requests only run after authentication, so checkAuth always reports success. */
  private static void wireCheckAuth(Endpoint endpoint, RuntimeWiring.Builder wiring) {
    if (endpoint == Endpoint.ADMIN) {
      wiring.type(
          "AdminQuery",
          t ->
              t.dataFetcher(
                  "checkAuth",
                  env -> {
                    Optional<String> domain = Caller.adminDomain(env.getGraphQlContext());
                    Map<String, Object> info = new HashMap<>();
                    info.put("authStatus", "AUTHORIZED");
                    info.put("authType", domain.isPresent() ? "DOMAIN_ADMIN" : "ADMIN");
                    info.put("domain", domain.orElse(null));
                    return info;
                  }));
    } else {
      wiring.type(
          "UserQuery",
          t ->
              t.dataFetcher(
                  "checkAuth",
                  env -> Map.of("username", Caller.user(env), "authStatus", "AUTHORIZED")));
    }
  }

  private static String read(String resource) {
    try (InputStream in = ApiSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing GraphQL schema resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
