package io.meerkat.server.module;

import java.util.ArrayList;
import java.util.List;

/**
 * The modules created so far, for modules that build on others (presence on the roster). The
 * catalog creates modules in dependency order, so a module's dependencies already exist when its
 * factory runs.
 */
public final class EnabledModules {

  private final List<FeatureModule> modules = new ArrayList<>();

  void add(FeatureModule module) {
    modules.add(module);
  }

  /** The enabled module of this type, if any. */
  public <T extends FeatureModule> java.util.Optional<T> find(Class<T> type) {
    return modules.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /**
   * The module of this type.
   *
   * @throws IllegalStateException naming both modules when it is not enabled
   */
  public <T extends FeatureModule> T require(Class<T> type, String requiredName, String byName) {
    return find(type)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    byName
                        + " needs "
                        + requiredName
                        + ": add [modules."
                        + requiredName
                        + "] to the configuration"));
  }

  public List<FeatureModule> all() {
    return List.copyOf(modules);
  }
}
