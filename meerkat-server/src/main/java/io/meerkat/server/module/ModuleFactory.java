package io.meerkat.server.module;

import io.meerkat.server.config.ModuleOptions;

/** Creates a module from its validated options; one per module kind, listed in the catalog. */
public interface ModuleFactory {

  ModuleInfo info();

  /**
   * @param enabled the modules created before this one (dependencies come earlier in the catalog)
   */
  FeatureModule create(ModuleContext context, ModuleOptions options, EnabledModules enabled);
}
