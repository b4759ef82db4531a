package io.meerkat.server.api.stat;

import graphql.schema.idl.RuntimeWiring;
import io.meerkat.server.api.ApiServices;
import io.meerkat.server.api.Endpoint;
import io.meerkat.server.api.GraphqlCategory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code stat}: account and session counts, uptime. Admin only. */
public final class StatCategory implements GraphqlCategory {

  private final ApiServices services;

  public StatCategory(ApiServices services) {
    this.services = services;
  }

  @Override
  public List<String> schemaFiles(Endpoint endpoint) {
    return endpoint == Endpoint.ADMIN ? List.of("graphql/admin/stat.graphqls") : List.of();
  }

  @Override
  public void wire(Endpoint endpoint, RuntimeWiring.Builder wiring) {
    if (endpoint != Endpoint.ADMIN) {
      return;
    }
    wiring.type("AdminQuery", t -> t.dataFetcher("stat", env -> CATEGORY));
    wiring.type(
        "StatAdminQuery",
        t ->
            t.dataFetcher("globalStats", env -> global())
                .dataFetcher("domainStats", env -> domain(env.getArgument("domain"))));
  }

  private Map<String, Object> global() {
    long registered = services.hosts().stream().mapToLong(services.users()::countUsers).sum();
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put(
        "uptimeSeconds",
        Duration.between(services.startedAt(), services.clock().instant()).toSeconds());
    stats.put("registeredUsers", registered);
    stats.put("onlineUsersNode", services.sessions().localCount());
    stats.put("onlineUsers", services.sessions().table().count());
    stats.put("incomingS2S", 0);
    stats.put("outgoingS2S", 0);
    return stats;
  }

  private Map<String, Object> domain(String domain) {
    services.requireHost(domain);
    return Map.of(
        "registeredUsers", services.users().countUsers(domain),
        "onlineUsers", services.sessions().table().listDomain(domain).size());
  }
}
