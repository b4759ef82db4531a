package io.meerkat.server.api.http;

import io.meerkat.server.auth.Scram;
import io.meerkat.server.auth.ScramHash;
import io.meerkat.server.auth.UserStore;
import io.meerkat.xmpp.Jid;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The user endpoint: the account's bare JID and password, verified against the stored SCRAM
 * credentials like a client login. Unknown accounts cost the same key derivation as known ones, so
 * response times do not tell which accounts exist.
 */
final class UserAuthenticator implements Authenticator {

  private static final byte[] DUMMY_SALT = "meerkat-dummy-salt".getBytes(StandardCharsets.UTF_8);

  private final UserStore users;
  private final Set<String> hosts;
  private final int iterations;

  UserAuthenticator(UserStore users, Set<String> hosts, int iterations) {
    this.users = users;
    this.hosts = Set.copyOf(hosts);
    this.iterations = iterations;
  }

  @Override
  public Optional<Principal> authenticate(String username, String password) {
    Jid user = Jid.parseOrNull(username);
    if (user == null
        || user.localpart().isEmpty()
        || user.hasResource()
        || !hosts.contains(user.domain())) {
      return Optional.empty();
    }
    if (!users.exists(user)) {
      Scram.credential(ScramHash.SHA256, password, DUMMY_SALT, iterations);
      return Optional.empty();
    }
    return users.checkPassword(user, password)
        ? Optional.of(Principal.user(user))
        : Optional.empty();
  }
}
