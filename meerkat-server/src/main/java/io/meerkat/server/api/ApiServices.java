package io.meerkat.server.api;

import io.meerkat.server.auth.DomainAdminBackend;
import io.meerkat.server.auth.UserStore;
import io.meerkat.server.cluster.MeerkatCluster;
import io.meerkat.server.hooks.Hooks;
import io.meerkat.server.logging.LogLevels;
import io.meerkat.server.module.FeatureModule;
import io.meerkat.server.router.Router;
import io.meerkat.server.sm.SessionManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The node services the API categories act on.
 *
 * @param hosts the served domains
 * @param domainAdmins the passwords of the domain administrators
 * @param enabledModules names of the enabled feature modules (for {@code @use})
 * @param modules the started feature modules, whose APIs module-backed categories call
 * @param startedAt when the node started (uptime)
 * @param stopNode stops this node; called after the response to {@code server.stop} was sent
 * @param cluster this node's cluster membership; empty for a node on its own
 */
public record ApiServices(
    Set<String> hosts,
    UserStore users,
    DomainAdminBackend domainAdmins,
    SessionManager sessions,
    Router router,
    Hooks hooks,
    LogLevels logLevels,
    Set<String> enabledModules,
    List<FeatureModule> modules,
    Clock clock,
    Instant startedAt,
    Runnable stopNode,
    Optional<MeerkatCluster> cluster) {

  public ApiServices {
    hosts = Set.copyOf(hosts);
    enabledModules = Set.copyOf(enabledModules);
    modules = List.copyOf(modules);
  }

  /**
   * The started module of {@code type}. Fields that need it carry {@code @use}, so this only fails
   * for a field that forgot to.
   *
   * @throws ApiException {@code deps_not_loaded} when no such module runs on this node
   */
  public <T extends FeatureModule> T module(Class<T> type, String name) {
    return modules.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow(
            () ->
                new ApiException(
                    "deps_not_loaded",
                    "Some of the required modules are not enabled: " + name,
                    Map.of("not_loaded_modules", List.of(name))));
  }

  /**
   * @throws ApiException {@code unknown_domain} when the domain is not served here
   */
  public String requireHost(String domain) {
    if (!hosts.contains(domain)) {
      throw new ApiException("unknown_domain", "Domain " + domain + " is not served here");
    }
    return domain;
  }

  /**
   * @throws ApiException {@code deps_not_loaded} when this node is not configured for a cluster
   *     ({@code [internal_databases.cets]})
   */
  public MeerkatCluster requireCluster() {
    return cluster.orElseThrow(
        () ->
            new ApiException(
                "deps_not_loaded",
                "Some of the required internal databases are not enabled: cets",
                Map.of("not_loaded_internal_databases", List.of("cets"))));
  }
}
