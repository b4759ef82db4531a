package io.meerkat.server.auth;

/**
 * Passwords of domain administrators ({@code admin@<domain>} on the {@code domain_admin} GraphQL
 * endpoint), one per domain. A domain without a password has no domain administrator. Passwords are
 * stored as salted SCRAM credentials only.
 *
 * <p>Blocking (JDBC): call from virtual threads.
 */
public interface DomainAdminBackend {

  /**
   * Sets or replaces the password of the domain's administrator.
   *
   * @throws IllegalArgumentException when the password has characters SASLprep prohibits
   */
  void setPassword(String domain, String password);

  /**
   * Removes the domain's administrator.
   *
   * @return false when the domain had no password
   */
  boolean deletePassword(String domain);

  /**
   * Whether {@code password} is the domain administrator's (false when there is none), taking as
   * long either way.
   */
  boolean checkPassword(String domain, String password);
}
