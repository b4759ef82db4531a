package io.meerkat.server.api.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The admin endpoint's single account from the handler configuration, compared in constant time.
 */
final class AdminAuthenticator implements Authenticator {

  private final byte[] username;
  private final byte[] password;

  AdminAuthenticator(String username, String password) {
    this.username = username.getBytes(StandardCharsets.UTF_8);
    this.password = password.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Optional<Principal> authenticate(String user, String pass) {
    boolean userOk = MessageDigest.isEqual(username, user.getBytes(StandardCharsets.UTF_8));
    boolean passOk = MessageDigest.isEqual(password, pass.getBytes(StandardCharsets.UTF_8));
    return userOk & passOk ? Optional.of(Principal.ADMIN) : Optional.empty();
  }
}
