package io.meerkat.server.auth;

import com.ongres.saslprep.SASLprep;

/** SASLprep (RFC 4013) of passwords, as SCRAM and PLAIN require. */
public final class PasswordPreparation {

  private static final SASLprep PROFILE = new SASLprep();

  private PasswordPreparation() {}

  /**
   * Prepares a password that is about to be stored (unassigned code points are refused).
   *
   * @throws IllegalArgumentException when the password contains prohibited characters
   */
  public static String forStorage(String password) {
    return PROFILE.prepareStored(password);
  }

  /**
   * Prepares a password received from a client.
   *
   * @throws IllegalArgumentException when the password contains prohibited characters
   */
  public static String forQuery(String password) {
    return PROFILE.prepareQuery(password);
  }
}
