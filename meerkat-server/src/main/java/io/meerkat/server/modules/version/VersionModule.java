package io.meerkat.server.modules.version;

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
import java.util.List;

/**
 * {@code mod_version}: XEP-0092 software version of the server, answered for its domains. The
 * operating system is disclosed only with {@code os_info = true}.
 */
public final class VersionModule implements FeatureModule {

  static final ConfigSpec SPEC =
      ConfigSpec.builder()
          .bool("os_info", false, "Also tell the operating system and Java version.")
          .build();

  static final ModuleInfo INFO =
      new ModuleInfo(
          "mod_version",
          "The server's software name and version.",
          List.of(Protocol.xep(92, "Software Version", "1.1")),
          List.of(Namespaces.VERSION),
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
          return new VersionModule(context, options.get("os_info", Boolean.class));
        }
      };

  private final ModuleContext context;
  private final boolean osInfo;

  VersionModule(ModuleContext context, boolean osInfo) {
    this.context = context;
    this.osInfo = osInfo;
  }

  /** The version from the jar manifest; {@code dev} when running from a build directory. */
  static String version() {
    String v = VersionModule.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  XmlElement handle(Jid from, Jid to, XmlElement iq) {
    if (IqType.parse(Stanza.type(iq)) != IqType.GET
        || !iq.firstElement().is("query", Namespaces.VERSION)) {
      return Stanza.errorReply(iq, StanzaError.of(StanzaError.Condition.BAD_REQUEST));
    }
    XmlElement.Builder query =
        XmlElement.builder("query", Namespaces.VERSION)
            .textChild("name", "Meerkat")
            .textChild("version", version());
    if (osInfo) {
      query.textChild(
          "os",
          System.getProperty("os.name")
              + " "
              + System.getProperty("os.version")
              + " (Java "
              + Runtime.version()
              + ")");
    }
    return Stanza.iqResult(iq, query.build());
  }

  @Override
  public ModuleInfo info() {
    return INFO;
  }

  @Override
  public void start() {
    context.iqHandlers().registerServer(Namespaces.VERSION, this::handle);
  }

  @Override
  public void stop() {
    context.iqHandlers().unregisterServer(Namespaces.VERSION);
  }
}
