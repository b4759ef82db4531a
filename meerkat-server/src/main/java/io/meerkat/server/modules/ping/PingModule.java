package io.meerkat.server.modules.ping;

import io.meerkat.server.config.ModuleOptions;
import io.meerkat.server.config.spec.ConfigSpec;
import io.meerkat.server.module.EnabledModules;
import io.meerkat.server.module.FeatureModule;
import io.meerkat.server.module.ModuleContext;
import io.meerkat.server.module.ModuleFactory;
import io.meerkat.server.module.ModuleInfo;
import io.meerkat.server.module.Protocol;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.Stanza;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code mod_ping}: answers XEP-0199 pings sent to the server and, with {@code send_pings}, pings
 * idle clients to find dead connections.
 */
public final class PingModule implements FeatureModule {

  static final String NAME = "mod_ping";

  static final ConfigSpec SPEC =
      ConfigSpec.builder()
          .bool("send_pings", false, "Ping clients that were silent for ping_interval.")
          .integer("ping_interval", 60, 1, 86_400, "Seconds of client silence before a ping.")
          .integer("ping_req_timeout", 32, 1, 3_600, "Seconds to wait for the answer to a ping.")
          .oneOf(
              "timeout_action",
              "none",
              Set.of("none", "kill"),
              "What to do when a client does not answer: nothing, or close its session.")
          .build();

  static final ModuleInfo INFO =
      new ModuleInfo(
          NAME,
          "Answers pings and optionally pings idle clients.",
          List.of(Protocol.xep(199, "XMPP Ping", "2.0.1")),
          List.of(Namespaces.PING),
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
          return new PingModule(context, options);
        }
      };

  private final ModuleContext context;
  private final ModuleOptions options;
  private ScheduledExecutorService scheduler;

  PingModule(ModuleContext context, ModuleOptions options) {
    this.context = context;
    this.options = options;
  }

  @Override
  public ModuleInfo info() {
    return INFO;
  }

  @Override
  public void start() {
    context
        .iqHandlers()
        .registerServer(Namespaces.PING, (from, to, iq) -> Stanza.iqResult(iq, null));
    if (options.get("send_pings", Boolean.class)) {
      scheduler =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().daemon().name("mod_ping").factory());
      ClientPinger pinger =
          new ClientPinger(
              context.router(),
              context.sessions(),
              scheduler,
              Duration.ofSeconds(options.get("ping_interval", Long.class)),
              Duration.ofSeconds(options.get("ping_req_timeout", Long.class)),
              options.get("timeout_action", String.class).equals("kill"));
      context.hooks().sessionOpened.add(50, NAME, pinger::onOpened);
      context.hooks().sessionClosed.add(50, NAME, pinger::onClosed);
      // Early, so that the answer to a ping is consumed before other modules look at it.
      context.hooks().userSendPacket.add(10, NAME, pinger::onSend);
    }
  }

  @Override
  public void stop() {
    context.iqHandlers().unregisterServer(Namespaces.PING);
    context.hooks().sessionOpened.removeAll(NAME);
    context.hooks().sessionClosed.removeAll(NAME);
    context.hooks().userSendPacket.removeAll(NAME);
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
