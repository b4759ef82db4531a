package io.meerkat.server.auth;

import io.meerkat.server.config.AuthConfig.PasswordConfig;
import io.meerkat.server.storage.Jdbc;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Domain administrators in the {@code domain_admins} table: credentials for the configured SCRAM
 * hashes and iteration count, whatever {@code auth.password.format} says, since nothing needs the
 * plain password of an administrator. Checks cost one key derivation whether or not the domain has
 * an administrator.
 */
public final class RdbmsDomainAdminBackend implements DomainAdminBackend {

  private static final byte[] DUMMY_SALT = "meerkat-dummy-salt".getBytes(StandardCharsets.UTF_8);

  private final Jdbc jdbc;
  private final PasswordConfig passwords;

  public RdbmsDomainAdminBackend(Jdbc jdbc, PasswordConfig passwords) {
    this.jdbc = jdbc;
    this.passwords = passwords;
  }

  @Override
  public void setPassword(String domain, String password) {
    String details =
        ScramSecrets.create(
            PasswordPreparation.forStorage(password),
            passwords.hashes(),
            passwords.scramIterations());
    jdbc.inTransactionRetrying(
        c -> {
          int updated =
              Jdbc.update(
                  c, "UPDATE domain_admins SET pass_details = ? WHERE domain = ?", details, domain);
          if (updated == 0) {
            Jdbc.update(
                c,
                "INSERT INTO domain_admins (domain, pass_details) VALUES (?, ?)",
                domain,
                details);
          }
          return null;
        });
  }

  @Override
  public boolean deletePassword(String domain) {
    return jdbc.update("DELETE FROM domain_admins WHERE domain = ?", domain) > 0;
  }

  @Override
  public boolean checkPassword(String domain, String password) {
    Optional<String> details =
        jdbc.queryOne(
            "SELECT pass_details FROM domain_admins WHERE domain = ?",
            row -> row.getString(1),
            domain);
    if (details.isEmpty()) {
      // the same key derivation as for a real check: timing does not tell which domains have one
      Scram.credential(ScramHash.SHA256, password, DUMMY_SALT, passwords.scramIterations());
      return false;
    }
    try {
      StoredPassword stored =
          new StoredPassword(MultiScramFormat.parse(details.get()), Optional.empty());
      return RdbmsUserStore.matches(stored, PasswordPreparation.forQuery(password));
    } catch (IllegalArgumentException e) {
      return false; // a prohibited character in the password, or a damaged row
    }
  }
}
