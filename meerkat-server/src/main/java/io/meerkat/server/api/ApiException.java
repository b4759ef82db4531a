package io.meerkat.server.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command that could not be carried out for a reason the caller can act on (unknown user, bad
 * argument, module not enabled). It becomes one GraphQL error whose {@code extensions.code} is
 * {@link #code()}; anything else a data fetcher throws is an internal error and is logged.
 */
public final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final Map<String, Object> extensions;

  public ApiException(String code, String message) {
    this(code, message, Map.of());
  }

  /**
   * @param extensions more machine-readable details, added next to {@code code}
   */
  public ApiException(String code, String message, Map<String, Object> extensions) {
    super(message, null, false, false);
    this.code = code;
    this.extensions = Map.copyOf(extensions);
  }

  public String code() {
    return code;
  }

  /** {@code code} followed by the extra details. */
  public Map<String, Object> extensions() {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("code", code);
    all.putAll(extensions);
    return all;
  }
}
