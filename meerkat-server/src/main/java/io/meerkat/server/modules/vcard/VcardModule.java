package io.meerkat.server.modules.vcard;

import io.meerkat.server.config.ModuleOptions;
import io.meerkat.server.config.spec.ConfigSpec;
import io.meerkat.server.module.EnabledModules;
import io.meerkat.server.module.FeatureModule;
import io.meerkat.server.module.ModuleContext;
import io.meerkat.server.module.ModuleFactory;
import io.meerkat.server.module.ModuleInfo;
import io.meerkat.server.module.Protocol;
import io.meerkat.server.modules.GuardedIq;
import io.meerkat.xmpp.Namespaces;
import java.util.List;
import java.util.Set;

/**
 * {@code mod_vcard}: XEP-0054 vCards stored in the database, readable by everyone, writable by
 * their owner. The server answers for its domains with its own read-only vCard. XEP-0055 (user
 * directory search at {@code vjud.<host>}) is not implemented, so the search options are absent.
 */
public final class VcardModule implements FeatureModule {

  static final String NAME = "mod_vcard";

  static final ConfigSpec SPEC =
      ConfigSpec.builder()
          .oneOf("backend", "rdbms", Set.of("rdbms"), "Where vCards are stored.")
          .integer(
              "max_size",
              65_536,
              256,
              16 << 20,
              "Largest vCard accepted, in bytes of XML; larger ones get not-acceptable.")
          .build();

  static final ModuleInfo INFO =
      new ModuleInfo(
          NAME,
          "vCards (vcard-temp): set your own, read anyone's.",
          List.of(
              Protocol.xep(54, "vcard-temp", "1.2")
                  .withNotes("XEP-0055 directory search is not implemented.")),
          List.of(Namespaces.VCARD),
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
          VcardApi api =
              new VcardApi(
                  new RdbmsVcardBackend(context.database().jdbc()),
                  context.users(),
                  options.get("max_size", Long.class));
          return new VcardModule(context, api);
        }
      };

  private final ModuleContext context;
  private final VcardApi api;
  private final VcardIq iq;

  VcardModule(ModuleContext context, VcardApi api) {
    this.context = context;
    this.api = api;
    this.iq = new VcardIq(api, context.users());
  }

  /** The operations for the admin and user APIs. */
  public VcardApi api() {
    return api;
  }

  @Override
  public ModuleInfo info() {
    return INFO;
  }

  @Override
  public void start() {
    context.iqHandlers().registerUser(Namespaces.VCARD, GuardedIq.guard(NAME, iq::user));
    context.iqHandlers().registerServer(Namespaces.VCARD, iq::server);
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

  @Override
  public void stop() {
    context.iqHandlers().unregisterUser(Namespaces.VCARD);
    context.iqHandlers().unregisterServer(Namespaces.VCARD);
    context.hooks().userRemoved.removeAll(NAME);
  }
}
