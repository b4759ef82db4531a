package io.meerkat.server.modules.disco;

import io.meerkat.server.config.ModuleOptions;
import io.meerkat.server.config.spec.ConfigSpec;
import io.meerkat.server.config.spec.ConfigValues;
import io.meerkat.server.config.spec.OptionType;
import io.meerkat.server.hooks.HookResult;
import io.meerkat.server.module.EnabledModules;
import io.meerkat.server.module.FeatureModule;
import io.meerkat.server.module.ModuleContext;
import io.meerkat.server.module.ModuleFactory;
import io.meerkat.server.module.ModuleInfo;
import io.meerkat.server.module.Protocol;
import io.meerkat.server.modules.forms.DataForm;
import io.meerkat.server.modules.roster.RosterModule;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Namespaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code mod_disco}: XEP-0030 service discovery for the server and for accounts, XEP-0128/XEP-0157
 * server information, and the server's XEP-0115 capabilities in the stream features.
 */
public final class DiscoModule implements FeatureModule {

  static final String NAME = "mod_disco";

  static final ConfigSpec SERVER_INFO =
      ConfigSpec.builder()
          .requiredString("name", "Field name, e.g. \"abuse-addresses\" (XEP-0157).")
          .option(
              new io.meerkat.server.config.spec.Option(
                  "urls",
                  new OptionType.ListOf(ConfigSpec.text(Set.of(), false), true),
                  null,
                  true,
                  "Addresses (mailto:, xmpp:, https: URIs)."))
          .list(
              "modules",
              ConfigSpec.text(Set.of(), false),
              List.of(),
              "Show the field only in the disco#info of these modules (empty: everywhere; the"
                  + " server's own disco#info is mod_disco's).")
          .build();

  static final ConfigSpec SPEC =
      ConfigSpec.builder()
          .list(
              "extra_domains",
              ConfigSpec.text(Set.of(), false),
              List.of(),
              "Domains listed as items of the server's disco#items.")
          .list(
              "server_info",
              new OptionType.Section(SERVER_INFO),
              List.of(),
              "Fields added to the server's disco#info (XEP-0157), each {name = \"abuse-addresses\","
                  + " urls = [\"mailto:abuse@example.com\"]} with optional modules = [...].")
          .build();

  static final ModuleInfo INFO =
      new ModuleInfo(
          NAME,
          "Service discovery of the server and accounts, server contact information, server"
              + " capabilities.",
          List.of(
              Protocol.xep(30, "Service Discovery", "2.5rc3"),
              Protocol.xep(115, "Entity Capabilities", "1.6.0")
                  .withNotes("the server's own capabilities in stream features"),
              Protocol.xep(128, "Service Discovery Extensions", "1.0.1"),
              Protocol.xep(157, "Contact Addresses for XMPP Services", "1.1.1")),
          List.of(Namespaces.DISCO_INFO, Namespaces.DISCO_ITEMS),
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
          return new DiscoModule(context, options, enabled);
        }
      };

  private final ModuleContext context;
  private final ServerDisco server;
  private final AccountDisco account;

  @SuppressWarnings("unchecked")
  DiscoModule(ModuleContext context, ModuleOptions options, EnabledModules enabled) {
    this.context = context;
    this.server =
        new ServerDisco(
            enabled,
            options.get("extra_domains", List.class),
            serverInfo(options.get("server_info", List.class)));
    this.account = new AccountDisco(context.users(), RosterModule.visibility(enabled));
  }

  /** The XEP-0157 form of the server's disco#info, {@code null}-free; empty without fields. */
  static List<DataForm> serverInfo(List<ConfigValues> entries) {
    List<DataForm.Field> fields = new ArrayList<>();
    fields.add(DataForm.Field.hidden(DataForm.FORM_TYPE, Namespaces.SERVER_INFO));
    for (ConfigValues e : entries) {
      List<String> modules = e.list("modules");
      if (modules.isEmpty() || modules.contains(NAME)) {
        fields.add(new DataForm.Field(e.string("name"), null, null, false, e.list("urls")));
      }
    }
    return fields.size() == 1 ? List.of() : List.of(new DataForm("result", null, null, fields));
  }

  /** The server's capabilities hash (for tests and operators). */
  public String capsVer() {
    return server.ver();
  }

  @Override
  public ModuleInfo info() {
    return INFO;
  }

  @Override
  public void start() {
    server.start();
    context.iqHandlers().registerServer(Namespaces.DISCO_INFO, server::info);
    context.iqHandlers().registerServer(Namespaces.DISCO_ITEMS, server::items);
    context.iqHandlers().registerUser(Namespaces.DISCO_INFO, account::info);
    context.iqHandlers().registerUser(Namespaces.DISCO_ITEMS, account::items);
    context.hooks().streamFeatures.add(50, NAME, this::caps);
  }

  @Override
  public void stop() {
    context.iqHandlers().unregisterServer(Namespaces.DISCO_INFO);
    context.iqHandlers().unregisterServer(Namespaces.DISCO_ITEMS);
    context.iqHandlers().unregisterUser(Namespaces.DISCO_INFO);
    context.iqHandlers().unregisterUser(Namespaces.DISCO_ITEMS);
    context.hooks().streamFeatures.removeAll(NAME);
  }

  private HookResult<List<XmlElement>> caps(List<XmlElement> features, SessionEntry session) {
    features.add(server.capsFeature());
    return HookResult.next(features);
  }
}
