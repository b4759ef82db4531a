package io.meerkat.server.api.http;

import io.meerkat.xmpp.Jid;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Checks HTTP basic credentials. Implementations may block (password hashing, database) and must
 * not reveal which part was wrong.
 */
interface Authenticator {

  /**
   * Who a request acts as: the global administrator, the administrator of one domain, or one
   * account.
   *
   * @param user the account, or null for administrators
   * @param adminDomain the domain of a domain administrator, or null
   */
  record Principal(Jid user, String adminDomain) {
    static final Principal ADMIN = new Principal(null, null);

    static Principal domainAdmin(String domain) {
      return new Principal(null, domain);
    }

    static Principal user(Jid user) {
      return new Principal(user, null);
    }
  }

  /** The principal, or empty when the credentials are wrong. */
  Optional<Principal> authenticate(String username, String password);

  /** Decodes an {@code Authorization: Basic ...} header; empty when absent or malformed. */
  static Optional<String[]> basicCredentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    return Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
  }
}
