package io.meerkat.server.c2s;

import io.meerkat.server.acl.AccessRules;
import io.meerkat.server.auth.UserStore;
import io.meerkat.server.hooks.Hooks;
import io.meerkat.server.module.PreAuthExtensions;
import io.meerkat.server.router.Router;
import io.meerkat.server.sasl.SaslMechanisms;
import io.meerkat.server.sm.SessionManager;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The node-wide services client sessions use, shared by all listeners.
 *
 * @param hosts the served domains
 * @param sessionExecutor runs session mailboxes (virtual threads)
 * @param fakeSaltKey per-node secret for SCRAM fake salts of unknown users
 * @param scramIterations iterations for credentials derived on the fly
 */
public record C2sServices(
    Set<String> hosts,
    String language,
    UserStore users,
    SaslMechanisms saslMechanisms,
    SessionManager sessions,
    Router router,
    Hooks hooks,
    PreAuthExtensions preAuth,
    AccessRules access,
    C2sEvents events,
    Executor sessionExecutor,
    byte[] fakeSaltKey,
    int scramIterations) {}
