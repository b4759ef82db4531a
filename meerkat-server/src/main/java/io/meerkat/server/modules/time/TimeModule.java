package io.meerkat.server.modules.time;

import io.meerkat.server.config.ModuleOptions;
import io.meerkat.server.config.spec.ConfigSpec;
import io.meerkat.server.module.EnabledModules;
import io.meerkat.server.module.FeatureModule;
import io.meerkat.server.module.ModuleContext;
import io.meerkat.server.module.ModuleFactory;
import io.meerkat.server.module.ModuleInfo;
import io.meerkat.server.module.Protocol;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.IqType;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.Stanza;
import io.meerkat.xmpp.StanzaError;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code mod_time}: XEP-0202 entity time of the server: UTC time (XEP-0082 profile, millisecond
 * precision) and the offset of the server's time zone.
 */
public final class TimeModule implements FeatureModule {

  static final ModuleInfo INFO =
      new ModuleInfo(
          "mod_time",
          "The server's current time and time zone offset.",
          List.of(Protocol.xep(202, "Entity Time", "2.0")),
          List.of(Namespaces.TIME),
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
          return new TimeModule(context, context.clock(), ZoneId.systemDefault());
        }
      };

  private final ModuleContext context;
  private final Clock clock;
  private final ZoneId zone;

  TimeModule(ModuleContext context, Clock clock, ZoneId zone) {
    this.context = context;
    this.clock = clock;
    this.zone = zone;
  }

  XmlElement handle(Jid from, Jid to, XmlElement iq) {
    if (IqType.parse(Stanza.type(iq)) != IqType.GET
        || !iq.firstElement().is("time", Namespaces.TIME)) {
      return Stanza.errorReply(iq, StanzaError.of(StanzaError.Condition.BAD_REQUEST));
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    ZoneOffset offset = zone.getRules().getOffset(now);
    return Stanza.iqResult(
        iq,
        XmlElement.builder("time", Namespaces.TIME)
            .textChild("tzo", offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId())
            .textChild("utc", DateTimeFormatter.ISO_INSTANT.format(now))
            .build());
  }

  @Override
  public ModuleInfo info() {
    return INFO;
  }

  @Override
  public void start() {
    context.iqHandlers().registerServer(Namespaces.TIME, this::handle);
  }

  @Override
  public void stop() {
    context.iqHandlers().unregisterServer(Namespaces.TIME);
  }
}
