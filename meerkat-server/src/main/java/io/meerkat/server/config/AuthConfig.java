package io.meerkat.server.config;

import io.meerkat.server.auth.ScramHash;
import java.util.List;
import java.util.Set;

/**
 * {@code [auth]}.
 *
 * @param methods the enabled auth methods in order ({@code methods}); {@code rdbms} by default
 * @param saslMechanisms {@code sasl_mechanisms} to offer, in preference order; empty means all that
 *     the methods and stored credentials support
 * @param password {@code password.*}
 * @param maxUsersPerDomain {@code max_users_per_domain}, default unlimited
 */
public record AuthConfig(
    List<String> methods,
    List<String> saslMechanisms,
    PasswordConfig password,
    int maxUsersPerDomain) {

  /**
   * {@code [auth.password]}.
   *
   * @param format {@code format}: {@code scram} (default) or {@code plain}
   * @param hashes {@code hash}: the SCRAM hashes to store credentials for (default all)
   * @param scramIterations {@code scram_iterations}, default 10000
   */
  public record PasswordConfig(PasswordFormat format, Set<ScramHash> hashes, int scramIterations) {}

  /** How passwords are stored. */
  public enum PasswordFormat {
    SCRAM,
    PLAIN
  }
}
