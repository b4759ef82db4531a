package io.meerkat.server.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The conditions under which the node should receive traffic ({@code /health/ready}). Components
 * add their own check when they start: the node adds "listeners" and "database"; the cluster layer
 * adds its condition (for example "joined the discovered nodes") through {@link #add}.
 */
public final class Readiness {

  /** One condition: empty when met, otherwise a short reason. Runs on a virtual thread. */
  @FunctionalInterface
  public interface Check extends Supplier<Optional<String>> {}

  private final Map<String, Check> checks = new ConcurrentHashMap<>();

  public void add(String name, Check check) {
    checks.put(name, check);
  }

  public void remove(String name) {
    checks.remove(name);
  }

  /** Every check by name: "ok" or its reason. A check that throws is not ready. */
  public Map<String, String> evaluate() {
    Map<String, String> results = new LinkedHashMap<>();
    checks.keySet().stream()
        .sorted()
        .forEach(
            name -> {
              String result;
              try {
                result = checks.get(name).get().orElse("ok");
              } catch (RuntimeException e) {
                result = "check failed: " + e.getMessage();
              }
              results.put(name, result);
            });
    return results;
  }
}
