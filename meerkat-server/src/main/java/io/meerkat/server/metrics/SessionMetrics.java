package io.meerkat.server.metrics;

import io.meerkat.server.hooks.HookResult;
import io.meerkat.server.hooks.Hooks;
import io.meerkat.server.sm.SessionManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Session and routing metrics, fed by hooks: logins and logouts, session counts, sessions of lost
 * cluster nodes cleaned up here, messages kept in offline storage, and messages that no session or
 * module took (bounced to the sender). Registered last in each hook chain so it sees the final
 * outcome.
 */
public final class SessionMetrics implements AutoCloseable {

  private static final String OWNER = "metrics";

  private final Hooks hooks;

  public SessionMetrics(MeterRegistry registry, Hooks hooks, SessionManager sessions) {
    this.hooks = hooks;
    Counter logins =
        Counter.builder("sm_session_logins").description("Sessions opened").register(registry);
    Counter logouts =
        Counter.builder("sm_session_logouts").description("Sessions closed").register(registry);
    Counter bounced =
        Counter.builder("sm_message_bounced")
            .description("Messages to local users that no session or module accepted")
            .register(registry);
    Counter storedOffline =
        Counter.builder("mod_offline_messages_stored")
            .description("Messages to unavailable users kept in offline storage")
            .register(registry);
    Counter cleanedUp =
        Counter.builder("sm_session_cleanups")
            .description("Sessions of lost cluster nodes removed by this node")
            .register(registry);
    Gauge.builder("sm_node_sessions_count", sessions, SessionManager::localCount)
        .description("Sessions on this node")
        .register(registry);
    Gauge.builder("sm_total_sessions_count", sessions, s -> s.table().count())
        .description("Sessions in the cluster")
        .register(registry);
    hooks.sessionOpened.observe(
        Integer.MAX_VALUE,
        OWNER,
        event -> {
          logins.increment();
        });
    hooks.sessionClosed.observe(
        Integer.MAX_VALUE,
        OWNER,
        event -> {
          logouts.increment();
        });
    hooks.sessionCleanup.observe(
        Integer.MAX_VALUE,
        OWNER,
        event -> {
          cleanedUp.increment();
        });
    hooks.offlineMessageStored.observe(
        Integer.MAX_VALUE,
        OWNER,
        event -> {
          storedOffline.increment();
        });
    // The storage stops the chain when it takes a message, so only the unclaimed reach this.
    hooks.offlineMessage.add(
        Integer.MAX_VALUE,
        OWNER,
        (acc, event) -> {
          if (!Boolean.TRUE.equals(acc)) {
            bounced.increment();
          }
          return HookResult.next(acc);
        });
  }

  @Override
  public void close() {
    hooks.sessionOpened.removeAll(OWNER);
    hooks.sessionClosed.removeAll(OWNER);
    hooks.sessionCleanup.removeAll(OWNER);
    hooks.offlineMessage.removeAll(OWNER);
    hooks.offlineMessageStored.removeAll(OWNER);
  }
}
