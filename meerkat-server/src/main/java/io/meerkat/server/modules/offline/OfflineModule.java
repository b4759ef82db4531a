package io.meerkat.server.modules.offline;

import io.meerkat.server.config.ModuleOptions;
import io.meerkat.server.config.spec.ConfigSpec;
import io.meerkat.server.hooks.PresenceUpdate;
import io.meerkat.server.module.EnabledModules;
import io.meerkat.server.module.FeatureModule;
import io.meerkat.server.module.ModuleContext;
import io.meerkat.server.module.ModuleFactory;
import io.meerkat.server.module.ModuleInfo;
import io.meerkat.server.module.Protocol;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.util.List;
import java.util.Set;

/**
 * {@code mod_offline}: keeps chat and normal messages for users with no available resource and
 * delivers them, with delay stamps, when a session of the user becomes available with a
 * non-negative priority (XEP-0160 §3: negative-priority resources do not get them).
 */
public final class OfflineModule implements FeatureModule {

  static final String NAME = "mod_offline";

  static final ConfigSpec SPEC =
      ConfigSpec.builder()
          .string(
              "access_max_user_messages",
              "max_user_offline_messages",
              "Access rule giving the number of messages a user may have stored (a number;"
                  + " anything else means no limit).")
          .oneOf("backend", "rdbms", Set.of("rdbms"), "Storage backend.")
          .build();

  static final ModuleInfo INFO =
      new ModuleInfo(
          NAME,
          "Offline message storage and delivery on the next available presence.",
          List.of(
              Protocol.xep(160, "Best Practices for Handling Offline Messages", "1.0.1"),
              Protocol.xep(203, "Delayed Delivery", "2.0"),
              Protocol.xep(23, "Message Expiration", "1.3")
                  .withNotes(
                      "offline storage only: expired messages are not delivered, others carry the seconds left"),
              Protocol.xep(334, "Message Processing Hints", "0.3.0")
                  .withNotes("store and no-store for offline storage"),
              Protocol.xep(85, "Chat State Notifications", "2.1")
                  .withNotes("server side: chat-state-only messages are not stored offline")),
          List.of(Namespaces.MSGOFFLINE),
          SPEC);

  public static final ModuleFactory FACTORY =
      new ModuleFactory() {
        @Override
        public ModuleInfo info() {
          return INFO;
        }

        @Override
        public FeatureModule create(
            ModuleContext context, ModuleOptions options, EnabledModules enabled) {
          return new OfflineModule(
              context, options, new RdbmsOfflineBackend(context.database().jdbc()));
        }
      };

  private final ModuleContext context;
  private final OfflineBackend backend;
  private final OfflineStorage storage;
  private final OfflineDelivery delivery;
  private final OfflineApi api;

  OfflineModule(ModuleContext context, ModuleOptions options, OfflineBackend backend) {
    this.context = context;
    this.backend = backend;
    this.storage =
        new OfflineStorage(
            backend,
            context.access(),
            options.get("access_max_user_messages", String.class),
            context.router(),
            context.clock(),
            context.hooks());
    this.delivery =
        new OfflineDelivery(
            backend, context.sessions(), context.hooks(), context.clock(), context.clusterLocks());
    this.api = new OfflineApi(backend, context.clock());
  }

  /** Operator actions on the storage. */
  public OfflineApi api() {
    return api;
  }

  @Override
  public ModuleInfo info() {
    return INFO;
  }

  @Override
  public void start() {
    context.hooks().offlineMessage.add(50, NAME, storage::onUndeliverable);
    context.hooks().initialPresence.observe(50, NAME, this::onInitialPresence);
    context.hooks().presenceUpdate.observe(50, NAME, this::onPresenceUpdate);
    context.hooks().userRemoved.observe(50, NAME, this::onUserRemoved);
  }

  @Override
  public void stop() {
    context.hooks().offlineMessage.removeAll(NAME);
    context.hooks().initialPresence.removeAll(NAME);
    context.hooks().presenceUpdate.removeAll(NAME);
    context.hooks().userRemoved.removeAll(NAME);
  }

  private void onInitialPresence(SessionEntry session) {
    if (session.priority() >= 0) {
      delivery.deliver(session);
    }
  }

  /** A session that was available with a negative priority and raises it gets its messages now. */
  private void onPresenceUpdate(PresenceUpdate update) {
    if (update.before().available()
        && update.before().priority() < 0
        && update.after().available()
        && update.after().priority() >= 0) {
      delivery.deliver(update.after());
    }
  }

  private void onUserRemoved(Jid user) {
    backend.removeUser(user.toBare());
  }
}
