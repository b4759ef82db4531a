package io.meerkat.server.modules.last;

import io.meerkat.server.config.ModuleOptions;
import io.meerkat.server.config.spec.ConfigSpec;
import io.meerkat.server.module.EnabledModules;
import io.meerkat.server.module.FeatureModule;
import io.meerkat.server.module.ModuleContext;
import io.meerkat.server.module.ModuleFactory;
import io.meerkat.server.module.ModuleInfo;
import io.meerkat.server.module.Protocol;
import io.meerkat.server.modules.GuardedIq;
import io.meerkat.server.modules.roster.RosterModule;
import io.meerkat.server.roster.PresenceVisibility;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.server.sm.SessionId;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Namespaces;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code mod_last}: XEP-0012 last activity. When a user's last session closes, the time and the
 * status of the last unavailable presence it sent are recorded (written in batches off the session
 * threads, see {@link LastWriter}). Queries to a domain return the server's uptime.
 */
public final class LastModule implements FeatureModule {

  static final String NAME = "mod_last";

  static final ConfigSpec SPEC =
      ConfigSpec.builder()
          .oneOf("backend", "rdbms", Set.of("rdbms"), "Where last activity is stored.")
          .build();

  static final ModuleInfo INFO =
      new ModuleInfo(
          NAME,
          "Last activity: time since a contact logged out, and server uptime.",
          List.of(
              Protocol.xep(12, "Last Activity", "2.0")
                  .withNotes("Idle time of online resources is for clients to answer.")),
          List.of(Namespaces.LAST),
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
          return new LastModule(
              context,
              new RdbmsLastBackend(context.database().jdbc()),
              RosterModule.visibility(enabled));
        }
      };

  private final ModuleContext context;
  private final LastWriter writer;
  private final LastApi api;
  private final LastIq iq;

  /** Status of the last unavailable presence of each open session. */
  private final Map<SessionId, String> statuses = new ConcurrentHashMap<>();

  LastModule(ModuleContext context, LastBackend backend, PresenceVisibility visibility) {
    this.context = context;
    this.writer = new LastWriter(backend);
    this.api = new LastApi(backend, writer, context.sessions(), context.users(), context.hooks());
    this.iq = new LastIq(api, visibility, context.sessions(), context.users(), context.clock());
  }

  /** The operations for the admin and user APIs. */
  public LastApi api() {
    return api;
  }

  @Override
  public ModuleInfo info() {
    return INFO;
  }

  @Override
  public void start() {
    context.iqHandlers().registerUser(Namespaces.LAST, GuardedIq.guard(NAME, iq::user));
    context.iqHandlers().registerServer(Namespaces.LAST, iq::server);
    context
        .hooks()
        .presenceUpdate
        .observe(
            50,
            NAME,
            update -> {
              if (update.after().available()) {
                statuses.remove(update.after().id());
              } else {
                XmlElement p = update.presence();
                String status = p.childText("status", p.namespace());
                statuses.put(update.after().id(), status == null ? "" : status);
              }
            });
    context.hooks().sessionClosed.observe(50, NAME, event -> loggedOut(event.session()));
    // A session lost with its node: the survivor that cleans it up records the logout.
    context.hooks().sessionCleanup.observe(50, NAME, event -> loggedOut(event.session()));
    context
        .hooks()
        .userRemoved
        .observe(
            50,
            NAME,
            user -> {
              api.remove(user);
            });
  }

  private void loggedOut(SessionEntry session) {
    String status = statuses.remove(session.id());
    var user = session.jid().toBare();
    if (context.sessions().sessions(user).isEmpty()) {
      writer.record(
          user,
          new LastActivity(
              context.clock().instant().getEpochSecond(), status == null ? "" : status));
    }
  }

  @Override
  public void stop() {
    context.iqHandlers().unregisterUser(Namespaces.LAST);
    context.iqHandlers().unregisterServer(Namespaces.LAST);
    context.hooks().presenceUpdate.removeAll(NAME);
    context.hooks().sessionClosed.removeAll(NAME);
    context.hooks().sessionCleanup.removeAll(NAME);
    context.hooks().userRemoved.removeAll(NAME);
    writer.close();
  }
}
