package io.meerkat.server.module;

import io.meerkat.server.config.ModuleOptions;
import io.meerkat.server.config.spec.ConfigSpec;
import io.meerkat.server.modules.adhoc.AdhocModule;
import io.meerkat.server.modules.blocking.BlockingModule;
import io.meerkat.server.modules.disco.DiscoModule;
import io.meerkat.server.modules.last.LastModule;
import io.meerkat.server.modules.offline.OfflineModule;
import io.meerkat.server.modules.ping.PingModule;
import io.meerkat.server.modules.presence.PresenceModule;
import io.meerkat.server.modules.privatestorage.PrivateModule;
import io.meerkat.server.modules.register.RegisterModule;
import io.meerkat.server.modules.roster.RosterModule;
import io.meerkat.server.modules.time.TimeModule;
import io.meerkat.server.modules.vcard.VcardModule;
import io.meerkat.server.modules.version.VersionModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every feature module Meerkat has, by name. This is fixed code, the one place that lists them:
 * configuration validates {@code [modules.*]} against it and the node creates the enabled ones.
 */
public final class ModuleCatalog {

  private final Map<String, ModuleFactory> factories = new LinkedHashMap<>();

  public ModuleCatalog(List<ModuleFactory> all) {
    for (ModuleFactory f : all) {
      factories.put(f.info().name(), f);
    }
  }

  /** The modules of this server. */
  public static ModuleCatalog standard() {
    return new ModuleCatalog(
        List.of(
            RegisterModule.FACTORY,
            RosterModule.FACTORY,
            PresenceModule.FACTORY,
            OfflineModule.FACTORY,
            DiscoModule.FACTORY,
            PingModule.FACTORY,
            AdhocModule.FACTORY,
            VcardModule.FACTORY,
            PrivateModule.FACTORY,
            LastModule.FACTORY,
            BlockingModule.FACTORY,
            VersionModule.FACTORY,
            TimeModule.FACTORY));
  }

  /** Option specs by module name, for the configuration loader. */
  public Map<String, ConfigSpec> specs() {
    Map<String, ConfigSpec> specs = new LinkedHashMap<>();
    factories.forEach((name, f) -> specs.put(name, f.info().configSpec()));
    return specs;
  }

  public List<ModuleInfo> infos() {
    return factories.values().stream().map(ModuleFactory::info).toList();
  }

  /** Creates the modules enabled in the configuration, in catalog order. */
  public List<FeatureModule> create(ModuleContext context, Map<String, ModuleOptions> enabled) {
    EnabledModules created = new EnabledModules();
    factories.forEach(
        (name, factory) -> {
          ModuleOptions options = enabled.get(name);
          if (options != null) {
            created.add(factory.create(context, options, created));
          }
        });
    return created.all();
  }
}
