package io.meerkat.server.modules.presence;

import io.meerkat.server.config.ModuleOptions;
import io.meerkat.server.config.spec.ConfigSpec;
import io.meerkat.server.hooks.HookResult;
import io.meerkat.server.hooks.Hooks;
import io.meerkat.server.hooks.StanzaEvent;
import io.meerkat.server.module.EnabledModules;
import io.meerkat.server.module.FeatureModule;
import io.meerkat.server.module.ModuleContext;
import io.meerkat.server.module.ModuleFactory;
import io.meerkat.server.module.ModuleInfo;
import io.meerkat.server.module.Protocol;
import io.meerkat.server.modules.roster.RosterModule;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.PresenceType;
import io.meerkat.xmpp.Stanza;
import java.util.List;

/**
 * {@code mod_presence}: presence broadcast, probes, directed presence and unavailable presence when
 * a session ends (RFC 6121 §4). Built on the rosters of {@code mod_roster}.
 */
public final class PresenceModule implements FeatureModule {

  static final String NAME = "mod_presence";

  /** Hook priority: after filters that drop stanzas and after subscription processing. */
  private static final int PRIORITY = 60;

  static final ModuleInfo INFO =
      new ModuleInfo(
          NAME,
          "Presence broadcast to subscribed contacts, probes and directed presence.",
          List.of(
              Protocol.rfc(6121, "XMPP: Instant Messaging and Presence")
                  .withNotes("§4 presence; probes are answered for local contacts only")),
          List.of(),
          ConfigSpec.EMPTY);

  public static final ModuleFactory FACTORY =
      new ModuleFactory() {
        @Override
        public ModuleInfo info() {
          return INFO;
        }

        @Override
        public FeatureModule create(
            ModuleContext context, ModuleOptions options, EnabledModules enabled) {
          RosterModule roster = enabled.require(RosterModule.class, "mod_roster", NAME);
          return new PresenceModule(context, roster);
        }
      };

  private final ModuleContext context;
  private final DirectedPresence directed = new DirectedPresence();
  private final PresenceBroadcast broadcast;

  PresenceModule(ModuleContext context, RosterModule roster) {
    this.context = context;
    this.broadcast =
        new PresenceBroadcast(
            roster.rosters().store(), context.sessions(), context.router(), directed);
  }

  @Override
  public ModuleInfo info() {
    return INFO;
  }

  @Override
  public void start() {
    Hooks hooks = context.hooks();
    hooks.presenceUpdate.observe(
        PRIORITY,
        NAME,
        update -> {
          broadcast.updated(update);
        });
    hooks.sessionClosed.observe(
        PRIORITY,
        NAME,
        e -> {
          if (e.session().available()) {
            broadcast.wentOffline(e.session(), null);
          } else {
            directed.takeAll(e.session().id());
          }
        });
    // A session lost with its node: its contacts learn it is gone from the surviving node that
    // cleans it up (directed presence was known only to the dead node).
    hooks.sessionCleanup.observe(
        PRIORITY,
        NAME,
        e -> {
          if (e.session().available()) {
            broadcast.wentOffline(e.session(), null);
          }
        });
    hooks.userSendPacket.add(PRIORITY, NAME, (acc, e) -> outbound(acc, e));
    hooks.inboundPresence.add(
        PRIORITY,
        NAME,
        (handled, e) -> {
          if (Boolean.TRUE.equals(handled)
              || PresenceType.parse(Stanza.type(e.stanza())) != PresenceType.PROBE) {
            return HookResult.next(handled);
          }
          broadcast.probed(e.from(), e.to());
          return HookResult.stop(Boolean.TRUE);
        });
  }

  /** Directed presence (§4.6): remembered while the session is available. */
  private HookResult<XmlElement> outbound(XmlElement stanza, StanzaEvent e) {
    if (stanza == null
        || e.to() == null
        || Stanza.kind(stanza) != Stanza.Kind.PRESENCE
        || !PresenceBroadcast.isAvailability(stanza)
        || e.to().toBare().equals(e.from().toBare())) {
      return HookResult.next(stanza);
    }
    SessionEntry session = context.sessions().session(e.from()).orElse(null);
    if (session != null) {
      if (Stanza.type(stanza) == null && session.available()) {
        directed.available(session.id(), e.to());
      } else if (Stanza.type(stanza) != null) {
        directed.unavailable(session.id(), e.to());
      }
    }
    return HookResult.next(stanza);
  }

  @Override
  public void stop() {
    Hooks hooks = context.hooks();
    hooks.presenceUpdate.removeAll(NAME);
    hooks.sessionClosed.removeAll(NAME);
    hooks.sessionCleanup.removeAll(NAME);
    hooks.userSendPacket.removeAll(NAME);
    hooks.inboundPresence.removeAll(NAME);
  }
}
