package io.meerkat.server.auth;

import java.util.Map;
import java.util.Optional;

/**
 * A user's stored secret: SCRAM credentials for each configured hash, and the plain password only
 * when {@code auth.password.format = "plain"} (never by default).
 */
public record StoredPassword(Map<ScramHash, ScramCredential> scram, Optional<String> plain) {

  public StoredPassword {
    scram = Map.copyOf(scram);
  }

  public Optional<ScramCredential> scram(ScramHash hash) {
    return Optional.ofNullable(scram.get(hash));
  }
}
