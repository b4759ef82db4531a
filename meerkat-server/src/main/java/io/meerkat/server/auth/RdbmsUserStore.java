package io.meerkat.server.auth;

import io.meerkat.server.config.AuthConfig.PasswordConfig;
import io.meerkat.server.config.AuthConfig.PasswordFormat;
import io.meerkat.server.storage.Jdbc;
import io.meerkat.xmpp.Jid;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts in the {@code users} table. With the default {@code scram} format only salted SCRAM
 * credentials are stored, one per configured hash, sharing one random salt and the configured
 * iteration count; the plain password is stored only with {@code format = "plain"}.
 *
 * <p>Blocking (JDBC): call from virtual threads.
 */
public final class RdbmsUserStore implements UserStore {

  private final Jdbc jdbc;
  private final PasswordConfig passwords;

  public RdbmsUserStore(Jdbc jdbc, PasswordConfig passwords) {
    this.jdbc = jdbc;
    this.passwords = passwords;
  }

  @Override
  public boolean register(Jid user, String password) {
    Secret secret = secretFor(password);
    return jdbc.insertIfAbsent(
        "INSERT INTO users (server, username, password, pass_details) VALUES (?, ?, ?, ?)",
        user.domain(),
        user.localpart(),
        secret.plain,
        secret.scram);
  }

  @Override
  public boolean exists(Jid user) {
    return jdbc.queryOne(
            "SELECT 1 FROM users WHERE server = ? AND username = ?",
            row -> Boolean.TRUE,
            user.domain(),
            user.localpart())
        .isPresent();
  }

  @Override
  public Optional<StoredPassword> storedPassword(Jid user) {
    return jdbc.queryOne(
        "SELECT password, pass_details FROM users WHERE server = ? AND username = ?",
        row -> toStoredPassword(row.getString(1), row.getString(2)),
        user.domain(),
        user.localpart());
  }

  @Override
  public boolean checkPassword(Jid user, String password) {
    Optional<StoredPassword> stored = storedPassword(user);
    if (stored.isEmpty()) {
      return false;
    }
    String prepared;
    try {
      prepared = PasswordPreparation.forQuery(password);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return matches(stored.get(), prepared);
  }

  /** Whether a SASLprep-ed password matches stored credentials, in constant time. */
  public static boolean matches(StoredPassword stored, String preparedPassword) {
    if (stored.plain().isPresent()) {
      return MessageDigest.isEqual(
          stored.plain().get().getBytes(StandardCharsets.UTF_8),
          preparedPassword.getBytes(StandardCharsets.UTF_8));
    }
    for (ScramHash hash :
        new ScramHash[] {
          ScramHash.SHA256, ScramHash.SHA512, ScramHash.SHA1, ScramHash.SHA384, ScramHash.SHA224
        }) {
      Optional<ScramCredential> c = stored.scram(hash);
      if (c.isPresent()) {
        ScramCredential derived =
            Scram.credential(hash, preparedPassword, c.get().salt(), c.get().iterations());
        return MessageDigest.isEqual(derived.storedKey(), c.get().storedKey());
      }
    }
    return false;
  }

  @Override
  public boolean changePassword(Jid user, String newPassword) {
    Secret secret = secretFor(newPassword);
    return jdbc.update(
            "UPDATE users SET password = ?, pass_details = ? WHERE server = ? AND username = ?",
            secret.plain,
            secret.scram,
            user.domain(),
            user.localpart())
        > 0;
  }

  @Override
  public boolean remove(Jid user) {
    return jdbc.update(
            "DELETE FROM users WHERE server = ? AND username = ?", user.domain(), user.localpart())
        > 0;
  }

  @Override
  public List<String> listUsers(String domain) {
    return jdbc.query(
        "SELECT username FROM users WHERE server = ? ORDER BY username",
        row -> row.getString(1),
        domain);
  }

  @Override
  public long countUsers(String domain) {
    return jdbc.queryOne(
            "SELECT COUNT(*) FROM users WHERE server = ?", row -> row.getLong(1), domain)
        .orElse(0L);
  }

  private record Secret(String plain, String scram) {}

  private Secret secretFor(String password) {
    String prepared = PasswordPreparation.forStorage(password);
    if (passwords.format() == PasswordFormat.PLAIN) {
      return new Secret(prepared, null);
    }
    return new Secret(
        "", ScramSecrets.create(prepared, passwords.hashes(), passwords.scramIterations()));
  }

  private static StoredPassword toStoredPassword(String plain, String scram) {
    Map<ScramHash, ScramCredential> credentials =
        scram == null || scram.isEmpty() ? Map.of() : MultiScramFormat.parse(scram);
    Optional<String> plainPassword =
        plain == null || plain.isEmpty() ? Optional.empty() : Optional.of(plain);
    return new StoredPassword(credentials, plainPassword);
  }
}
