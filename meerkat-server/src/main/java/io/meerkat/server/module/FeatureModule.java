package io.meerkat.server.module;

/**
 * A feature of the server enabled by {@code [modules.<name>]}. A module registers its hooks and IQ
 * handlers when started and removes them when stopped; its dependencies come through its
 * constructor (from {@link ModuleContext}).
 */
public interface FeatureModule {

  ModuleInfo info();

  /** Registers handlers; called once after all modules were created. */
  void start();

  /** Removes handlers and releases resources. */
  default void stop() {}
}
