package io.meerkat.server.module;

import io.meerkat.server.config.ModuleOptions;

/** Creates a module from its validated options; one per module kind, listed in the catalog. */
public interface ModuleFactory {

  ModuleInfo info();

  FeatureModule create(ModuleContext context, ModuleOptions options);
}
