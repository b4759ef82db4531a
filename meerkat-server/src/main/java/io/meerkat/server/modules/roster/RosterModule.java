package io.meerkat.server.modules.roster;

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
import io.meerkat.server.roster.PresenceVisibility;
import io.meerkat.server.roster.RdbmsRosterStore;
import io.meerkat.server.roster.RosterException;
import io.meerkat.server.roster.Rosters;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.PresenceType;
import io.meerkat.xmpp.Stanza;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mod_roster}: rosters (RFC 6121 §2) with versioning (XEP-0237), and the presence
 * subscriptions that change them (§3, pre-approvals included). Subscription stanzas a user sends
 * are processed before routing; those a user receives are processed before delivery.
 */
public final class RosterModule implements FeatureModule {

  static final String NAME = "mod_roster";

  /** Hook priority: after filters that drop stanzas (blocking), before default handling. */
  private static final int PRIORITY = 50;

  static final ConfigSpec SPEC =
      ConfigSpec.builder()
          .bool(
              "versioning",
              false,
              "Roster versioning (XEP-0237): a client that has the current roster gets an empty"
                  + " answer instead of the whole roster. The version is a counter stored with"
                  + " the roster, so there is no store_current_id option.")
          .build();

  static final ModuleInfo INFO =
      new ModuleInfo(
          NAME,
          "Rosters, roster versioning and presence subscriptions.",
          List.of(
              Protocol.rfc(6121, "XMPP: Instant Messaging and Presence")
                  .withNotes(
                      "§2 rosters and §3 subscriptions with pre-approval; local contacts only"),
              Protocol.xep(237, "Roster Versioning", "1.3")
                  .withNotes("a changed roster is sent whole, pushes are not replayed as diffs")),
          List.of(Namespaces.ROSTER),
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
          return new RosterModule(context, options.get("versioning", Boolean.class));
        }
      };

  private final ModuleContext context;
  private final Rosters rosters;
  private final RosterApi api;

  RosterModule(ModuleContext context, boolean versioning) {
    this.context = context;
    this.rosters =
        new Rosters(
            new RdbmsRosterStore(context.database().jdbc()),
            context.sessions(),
            context.router(),
            context.users()::exists,
            versioning);
    this.api = new RosterApi(rosters, context.users()::exists);
  }

  /** Who shares presence with whom, from the rosters of this module if it is enabled. */
  public static PresenceVisibility visibility(EnabledModules enabled) {
    return enabled
        .find(RosterModule.class)
        .map(r -> PresenceVisibility.of(r.rosters().store()))
        .orElse(PresenceVisibility.NOBODY);
  }

  /** The roster services, for modules built on rosters (presence). */
  public Rosters rosters() {
    return rosters;
  }

  /** The roster operations of the admin and user APIs. */
  public RosterApi api() {
    return api;
  }

  @Override
  public ModuleInfo info() {
    return INFO;
  }

  @Override
  public void start() {
    Hooks hooks = context.hooks();
    RosterIq iq = new RosterIq(rosters.roster(), rosters.pushes(), context.sessions());
    // Also as the user's handler, so that a roster IQ to someone else's JID is refused as such.
    context.iqHandlers().registerServer(Namespaces.ROSTER, iq);
    context.iqHandlers().registerUser(Namespaces.ROSTER, iq);
    hooks.userSendPacket.add(PRIORITY, NAME, (acc, e) -> outbound(acc, e));
    hooks.inboundPresence.add(PRIORITY, NAME, (acc, e) -> inbound(acc, e));
    hooks.userReceivePacket.add(
        PRIORITY,
        NAME,
        (stanza, delivery) ->
            HookResult.nextUnlessDropped(rosters.pushes().filter(stanza, delivery)));
    hooks.initialPresence.observe(
        PRIORITY,
        NAME,
        session -> {
          rosters.subscriptions().deliverPending(session);
        });
    hooks.sessionClosed.observe(
        PRIORITY,
        NAME,
        e -> {
          rosters.pushes().forget(e.session().id());
        });
    hooks.userRemoved.observe(
        PRIORITY,
        NAME,
        user -> {
          rosters.roster().removeUser(user);
        });
    hooks.streamFeatures.add(PRIORITY, NAME, (acc, session) -> features(acc));
  }

  private HookResult<XmlElement> outbound(XmlElement stanza, StanzaEvent e) {
    if (stanza == null || e.to() == null || Stanza.kind(stanza) != Stanza.Kind.PRESENCE) {
      return HookResult.next(stanza);
    }
    PresenceType type = PresenceType.parse(Stanza.type(stanza));
    if (type == null || !type.isSubscription()) {
      return HookResult.next(stanza);
    }
    try {
      rosters.subscriptions().outbound(e.from(), type, e.to(), stanza);
    } catch (RosterException ex) {
      context.router().bounce(stanza, ex.toStanzaError());
    }
    return HookResult.stop(null);
  }

  private HookResult<Boolean> inbound(Boolean handled, StanzaEvent e) {
    PresenceType type = PresenceType.parse(Stanza.type(e.stanza()));
    if (Boolean.TRUE.equals(handled) || type == null || !type.isSubscription()) {
      return HookResult.next(handled);
    }
    rosters.subscriptions().inbound(e.from(), e.to(), type, e.stanza());
    return HookResult.stop(Boolean.TRUE);
  }

  private HookResult<List<XmlElement>> features(List<XmlElement> features) {
    List<XmlElement> result = new ArrayList<>(features);
    if (rosters.pushes().versioning()) {
      result.add(XmlElement.empty("ver", Namespaces.ROSTER_VERSIONING));
    }
    result.add(XmlElement.empty("sub", Namespaces.PRESENCE_PREAPPROVAL));
    return HookResult.next(result);
  }

  @Override
  public void stop() {
    context.iqHandlers().unregisterServer(Namespaces.ROSTER);
    context.iqHandlers().unregisterUser(Namespaces.ROSTER);
    Hooks hooks = context.hooks();
    hooks.userSendPacket.removeAll(NAME);
    hooks.inboundPresence.removeAll(NAME);
    hooks.initialPresence.removeAll(NAME);
    hooks.sessionClosed.removeAll(NAME);
    hooks.userReceivePacket.removeAll(NAME);
    hooks.userRemoved.removeAll(NAME);
    hooks.streamFeatures.removeAll(NAME);
  }
}
