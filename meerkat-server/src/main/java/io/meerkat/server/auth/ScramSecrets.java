package io.meerkat.server.auth;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * New salted SCRAM credentials for a password, in the {@link MultiScramFormat} text form: one
 * random salt and iteration count shared by every hash. What Meerkat stores instead of passwords.
 */
public final class ScramSecrets {

  private ScramSecrets() {}

  /**
   * @param preparedPassword the password after SASLprep ({@link PasswordPreparation#forStorage})
   */
  public static String create(String preparedPassword, Set<ScramHash> hashes, int iterations) {
    byte[] salt = Scram.newSalt();
    Map<ScramHash, ScramCredential> credentials = new EnumMap<>(ScramHash.class);
    for (ScramHash hash : hashes) {
      credentials.put(hash, Scram.credential(hash, preparedPassword, salt, iterations));
    }
    return MultiScramFormat.format(credentials);
  }
}
