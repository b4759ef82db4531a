package io.meerkat.server.modules.blocking;

import io.meerkat.server.config.ModuleOptions;
import io.meerkat.server.config.spec.ConfigSpec;
import io.meerkat.server.hooks.HookResult;
import io.meerkat.server.module.EnabledModules;
import io.meerkat.server.module.FeatureModule;
import io.meerkat.server.module.ModuleContext;
import io.meerkat.server.module.ModuleFactory;
import io.meerkat.server.module.ModuleInfo;
import io.meerkat.server.module.Protocol;
import io.meerkat.server.modules.GuardedIq;
import io.meerkat.server.modules.roster.RosterModule;
import io.meerkat.server.roster.ResourcePresences;
import io.meerkat.server.roster.RosterStore;
import io.meerkat.xmpp.Namespaces;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code mod_blocking}: XEP-0191 blocking command. Blocklists are stored in the database and
 * enforced on every stanza between users (see {@link BlockingFilter}).
 */
public final class BlockingModule implements FeatureModule {

  static final String NAME = "mod_blocking";
  private static final int MAX_CACHED = 100_000;

  static final ConfigSpec SPEC =
      ConfigSpec.builder()
          .oneOf("backend", "rdbms", Set.of("rdbms"), "Where blocklists are stored.")
          .build();

  static final ModuleInfo INFO =
      new ModuleInfo(
          NAME,
          "Blocking command: block and unblock JIDs, enforced for messages, presence and IQs.",
          List.of(
              Protocol.xep(191, "Blocking Command", "1.3")
                  .withNotes(
                      "Blocked subscribed contacts get unavailable presence and unblocked ones the"
                          + " current presence; the user's server does not re-probe them.")),
          List.of(Namespaces.BLOCKING),
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
          RosterStore rosters =
              enabled.find(RosterModule.class).map(r -> r.rosters().store()).orElse(null);
          return new BlockingModule(
              context, new RdbmsBlockingBackend(context.database().jdbc()), rosters);
        }
      };

  private final ModuleContext context;
  private final Blocklists lists;
  private final BlocklistPushes pushes;
  private final BlockingApi api;
  private final BlockingIq iq;
  private final BlockingFilter filter;

  BlockingModule(ModuleContext context, BlockingBackend backend, RosterStore rosters) {
    this.context = context;
    this.lists = new Blocklists(backend, MAX_CACHED, context.clusterEvents());
    this.pushes = new BlocklistPushes(context.sessions(), context.router());
    this.api =
        new BlockingApi(
            lists,
            pushes,
            new BlockPresenceNotices(
                rosters, new ResourcePresences(context.sessions(), context.router())));
    this.iq = new BlockingIq(api, pushes, context.sessions());
    this.filter =
        new BlockingFilter(
            lists, context.router(), new HashSet<>(context.config().general().hosts()));
  }

  /** The operations for the admin and user APIs. */
  public BlockingApi api() {
    return api;
  }

  @Override
  public ModuleInfo info() {
    return INFO;
  }

  @Override
  public void start() {
    context.iqHandlers().registerUser(Namespaces.BLOCKING, GuardedIq.guard(NAME, iq::handle));
    // Early, so that nothing else acts on a stanza that is not going to be delivered.
    context.hooks().userSendPacket.add(10, NAME, filter::outgoing);
    context.hooks().userReceivePacket.add(10, NAME, filter::incoming);
    context
        .hooks()
        .userReceivePacket
        .add(
            20,
            NAME,
            (stanza, delivery) -> HookResult.nextUnlessDropped(pushes.filter(stanza, delivery)));
    context
        .hooks()
        .sessionClosed
        .observe(
            50,
            NAME,
            event -> {
              pushes.sessionClosed(event.session().id());
              if (context.sessions().sessions(event.session().jid().toBare()).isEmpty()) {
                lists.evict(event.session().jid().toBare());
              }
            });
    context
        .hooks()
        .userRemoved
        .observe(
            50,
            NAME,
            user -> {
              lists.unblockAll(user);
              lists.evict(user);
            });
  }

  @Override
  public void stop() {
    context.iqHandlers().unregisterUser(Namespaces.BLOCKING);
    context.hooks().userSendPacket.removeAll(NAME);
    context.hooks().userReceivePacket.removeAll(NAME);
    context.hooks().sessionClosed.removeAll(NAME);
    context.hooks().userRemoved.removeAll(NAME);
  }
}
