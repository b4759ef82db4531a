package io.meerkat.server.api;

import io.meerkat.server.auth.UserStore;
import io.meerkat.server.hooks.Hooks;
import io.meerkat.server.logging.LogLevels;
import io.meerkat.server.router.Router;
import io.meerkat.server.sm.SessionManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * The node services the API categories act on.
 *
 * @param hosts the served domains
 * @param enabledModules names of the enabled feature modules (for {@code @use})
 * @param startedAt when the node started (uptime)
 * @param stopNode stops this node; called after the response to {@code server.stop} was sent
 */
public record ApiServices(
    Set<String> hosts,
    UserStore users,
    SessionManager sessions,
    Router router,
    Hooks hooks,
    LogLevels logLevels,
    Set<String> enabledModules,
    Clock clock,
    Instant startedAt,
    Runnable stopNode) {

  public ApiServices {
    hosts = Set.copyOf(hosts);
    enabledModules = Set.copyOf(enabledModules);
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
}
