package io.meerkat.server.auth;

import io.meerkat.xmpp.Jid;
import java.util.List;
import java.util.Optional;

/**
 * Accounts of the served domains. Implementations block (JDBC): call them from a virtual thread,
 * never from a Netty event loop. Users are identified by bare JIDs; only the localpart and domain
 * are used.
 *
 * <p>Passwords handed in are plain text from the client (already SASLprep-ed where required);
 * implementations store them as {@link StoredPassword} according to the configured format.
 */
public interface UserStore {

  /**
   * Creates an account.
   *
   * @return false when the user already exists (nothing is changed)
   * @throws IllegalArgumentException when the password has characters SASLprep prohibits
   */
  boolean register(Jid user, String password);

  /** Whether the account exists. */
  boolean exists(Jid user);

  /** The stored secret for SASL, or empty when there is no such user. */
  Optional<StoredPassword> storedPassword(Jid user);

  /** Whether {@code password} is the user's password (false for unknown users). */
  boolean checkPassword(Jid user, String password);

  /**
   * Sets a new password.
   *
   * @return false when there is no such user
   * @throws IllegalArgumentException when the password has characters SASLprep prohibits
   */
  boolean changePassword(Jid user, String newPassword);

  /**
   * Removes the account (the caller runs the removal hooks that clean the user's other data).
   *
   * @return false when there was no such user
   */
  boolean remove(Jid user);

  /** Localparts of the users of a domain, sorted. */
  List<String> listUsers(String domain);

  /** Number of users of a domain. */
  long countUsers(String domain);
}
