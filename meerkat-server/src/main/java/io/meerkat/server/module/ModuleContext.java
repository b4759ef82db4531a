package io.meerkat.server.module;

import io.meerkat.server.acl.AccessRules;
import io.meerkat.server.auth.UserStore;
import io.meerkat.server.cluster.ClusterEvents;
import io.meerkat.server.cluster.ClusterLocks;
import io.meerkat.server.config.MeerkatConfig;
import io.meerkat.server.hooks.Hooks;
import io.meerkat.server.router.IqHandlers;
import io.meerkat.server.router.Router;
import io.meerkat.server.sm.SessionManager;
import io.meerkat.server.storage.Database;
import java.time.Clock;

/**
 * The core services a module may use. Modules take what they need from it in their factory and keep
 * only those references.
 */
public record ModuleContext(
    MeerkatConfig config,
    Hooks hooks,
    IqHandlers iqHandlers,
    Router router,
    SessionManager sessions,
    UserStore users,
    Database database,
    AccessRules access,
    PreAuthExtensions preAuth,
    Clock clock,
    ClusterEvents clusterEvents,
    ClusterLocks clusterLocks) {}
