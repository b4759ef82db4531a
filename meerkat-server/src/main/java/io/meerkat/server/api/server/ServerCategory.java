package io.meerkat.server.api.server;

import graphql.schema.idl.RuntimeWiring;
import io.meerkat.server.api.ApiException;
import io.meerkat.server.api.ApiServices;
import io.meerkat.server.api.Caller;
import io.meerkat.server.api.Endpoint;
import io.meerkat.server.api.GraphqlCategory;
import io.meerkat.server.cluster.ClusterMembership;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code server}: status, log level, stopping this node, and manual cluster membership (nodes
 * normally join by discovery; see {@link ClusterMembership}). Admin only.
 */
public final class ServerCategory implements GraphqlCategory {

  private final ApiServices services;
  private final String version;

  public ServerCategory(ApiServices services) {
    this.services = services;
    String implementation = ServerCategory.class.getPackage().getImplementationVersion();
    this.version = implementation == null ? "development" : implementation;
  }

  @Override
  public List<String> schemaFiles(Endpoint endpoint) {
    return endpoint == Endpoint.ADMIN ? List.of("graphql/admin/server.graphqls") : List.of();
  }

  @Override
  public void wire(Endpoint endpoint, RuntimeWiring.Builder wiring) {
    if (endpoint != Endpoint.ADMIN) {
      return;
    }
    wiring.type("AdminQuery", t -> t.dataFetcher("server", env -> CATEGORY));
    wiring.type("AdminMutation", t -> t.dataFetcher("server", env -> CATEGORY));
    wiring.type(
        "ServerAdminQuery",
        t ->
            t.dataFetcher("status", env -> status())
                .dataFetcher(
                    "getLoglevel", env -> services.logLevels().get().toUpperCase(Locale.ROOT)));
    wiring.type(
        "ServerAdminMutation",
        t ->
            t.dataFetcher(
                    "setLoglevel",
                    env -> {
                      String level = env.getArgument("level");
                      services.logLevels().set(level);
                      return "Log level set to " + level;
                    })
                .dataFetcher(
                    "joinCluster", env -> membership(m -> m.joinCluster(env.getArgument("node"))))
                .dataFetcher("leaveCluster", env -> membership(ClusterMembership::leaveCluster))
                .dataFetcher(
                    "removeFromCluster",
                    env -> membership(m -> m.removeFromCluster(env.getArgument("node"))))
                .dataFetcher(
                    "stop",
                    env -> {
                      Caller.afterResponse(env, services.stopNode());
                      return "Stopping the node";
                    }));
  }

  private String membership(Function<ClusterMembership, String> change) {
    try {
      return change.apply(services.requireCluster().membership());
    } catch (ClusterMembership.MembershipException e) {
      throw new ApiException(e.code(), e.getMessage());
    }
  }

  private Map<String, Object> status() {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("statusCode", "RUNNING");
    status.put("message", "Meerkat is running on " + services.hosts());
    status.put("version", version);
    status.put("commitHash", null);
    return status;
  }
}
