package io.meerkat.server.api.http;

import io.meerkat.server.auth.DomainAdminBackend;
import io.meerkat.xmpp.Jid;
import java.util.Optional;
import java.util.Set;

/**
 * The domain_admin endpoint: {@code admin@<domain>} with the password the global administrator set
 * for that served domain ({@code domain.setDomainPassword}). A domain without a password has no
 * administrator.
 */
final class DomainAdminAuthenticator implements Authenticator {

  static final String LOCALPART = "admin";

  private final DomainAdminBackend domainAdmins;
  private final Set<String> hosts;

  DomainAdminAuthenticator(DomainAdminBackend domainAdmins, Set<String> hosts) {
    this.domainAdmins = domainAdmins;
    this.hosts = Set.copyOf(hosts);
  }

  @Override
  public Optional<Principal> authenticate(String username, String password) {
    Jid admin = Jid.parseOrNull(username);
    if (admin == null
        || !admin.localpart().equals(LOCALPART)
        || admin.hasResource()
        || !hosts.contains(admin.domain())) {
      return Optional.empty();
    }
    return domainAdmins.checkPassword(admin.domain(), password)
        ? Optional.of(Principal.domainAdmin(admin.domain()))
        : Optional.empty();
  }
}
