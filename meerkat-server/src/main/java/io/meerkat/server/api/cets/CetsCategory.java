package io.meerkat.server.api.cets;

import graphql.schema.idl.RuntimeWiring;
import io.meerkat.cets.status.CetsStatus;
import io.meerkat.cets.status.SystemInfo;
import io.meerkat.cets.status.TableStatus;
import io.meerkat.server.api.ApiException;
import io.meerkat.server.api.ApiServices;
import io.meerkat.server.api.Endpoint;
import io.meerkat.server.api.GraphqlCategory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code cets}: the cluster health report and the replicated tables. Admin only. */
public final class CetsCategory implements GraphqlCategory {

  private final ApiServices services;

  public CetsCategory(ApiServices services) {
    this.services = services;
  }

  @Override
  public List<String> schemaFiles(Endpoint endpoint) {
    return endpoint == Endpoint.ADMIN ? List.of("graphql/admin/cets.graphqls") : List.of();
  }

  @Override
  public void wire(Endpoint endpoint, RuntimeWiring.Builder wiring) {
    if (endpoint != Endpoint.ADMIN) {
      return;
    }
    wiring.type("AdminQuery", t -> t.dataFetcher("cets", env -> CATEGORY));
    wiring.type(
        "CetsAdminQuery",
        t ->
            t.dataFetcher("systemInfo", env -> systemInfo(status()))
                .dataFetcher("tableInfo", env -> tableInfo(status())));
  }

  private CetsStatus status() {
    return services
        .requireCluster()
        .status()
        .orElseThrow(() -> new ApiException("starting", "the cluster is starting"));
  }

  private static Map<String, Object> systemInfo(CetsStatus status) {
    SystemInfo info = status.systemInfo();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("availableNodes", info.availableNodes());
    result.put("unavailableNodes", info.unavailableNodes());
    result.put("joinedNodes", info.joinedNodes());
    result.put("discoveredNodes", info.discoveredNodes());
    result.put("discoveryWorks", info.discoveryWorks());
    result.put("remoteNodesWithoutDisco", info.remoteNodesWithoutDisco());
    result.put("remoteNodesWithUnknownTables", info.remoteNodesWithUnknownTables());
    result.put("remoteUnknownTables", info.remoteUnknownTables());
    result.put("remoteNodesWithMissingTables", info.remoteNodesWithMissingTables());
    result.put("remoteMissingTables", info.remoteMissingTables());
    result.put("conflictNodes", info.conflictNodes());
    result.put("conflictTables", info.conflictTables());
    return result;
  }

  private static List<Map<String, Object>> tableInfo(CetsStatus status) {
    return status.tableInfo().stream().map(CetsCategory::table).toList();
  }

  private static Map<String, Object> table(TableStatus t) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("tableName", t.tableName());
    result.put("memory", t.memory());
    result.put("size", t.size());
    result.put("nodes", t.nodes());
    return result;
  }
}
