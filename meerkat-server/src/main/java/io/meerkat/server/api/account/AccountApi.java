package io.meerkat.server.api.account;

import io.meerkat.server.api.ApiException;
import io.meerkat.server.api.ApiServices;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.StreamError;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Account commands shared by the admin and user APIs. Removal runs the same hooks as in-band
 * removal, so modules delete the user's data; every failure is an {@link ApiException}.
 */
public final class AccountApi {

  private static final Logger LOG = LoggerFactory.getLogger(AccountApi.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiServices services;

  public AccountApi(ApiServices services) {
    this.services = services;
  }

  /** Creates an account; {@code username} null picks a random one. */
  public Jid register(String domain, String username, String password) {
    services.requireHost(domain);
    requirePassword(password);
    Jid user = Jid.bare(username == null ? randomName() : username, domain);
    boolean created;
    try {
      created = services.users().register(user, password);
    } catch (IllegalArgumentException e) {
      throw new ApiException("invalid_password", "The password contains forbidden characters");
    }
    if (!created) {
      throw new ApiException("user_exists", "User " + user + " already exists");
    }
    services.hooks().userRegistered.run(null, user);
    LOG.info("Registered {} through the API", user);
    return user;
  }

  /** Removes an account, its data (through the removal hook) and its sessions. */
  public Jid remove(Jid user) {
    Jid bare = requireUser(user);
    services.hooks().userRemoved.run(null, bare);
    services.users().remove(bare);
    services
        .sessions()
        .kick(bare, StreamError.of(StreamError.Condition.NOT_AUTHORIZED, "Account removed"));
    LOG.info("Account {} removed through the API", bare);
    return bare;
  }

  public Jid changePassword(Jid user, String newPassword) {
    Jid bare = requireUser(user);
    requirePassword(newPassword);
    try {
      services.users().changePassword(bare, newPassword);
    } catch (IllegalArgumentException e) {
      throw new ApiException("invalid_password", "The password contains forbidden characters");
    }
    return bare;
  }

  /** Disconnects every session and sets a random password nobody knows. */
  public Jid ban(Jid user, String reason) {
    Jid bare = requireUser(user);
    services.users().changePassword(bare, HexFormat.of().formatHex(randomBytes(24)));
    services.sessions().kick(bare, StreamError.of(StreamError.Condition.NOT_AUTHORIZED, reason));
    LOG.info("Account {} banned through the API: {}", bare, reason);
    return bare;
  }

  public boolean exists(Jid user) {
    services.requireHost(user.domain());
    return services.users().exists(user.toBare());
  }

  public boolean checkPassword(Jid user, String password) {
    Jid bare = requireUser(user);
    return services.users().checkPassword(bare, password);
  }

  public List<String> list(String domain) {
    services.requireHost(domain);
    return services.users().listUsers(domain).stream().map(u -> u + "@" + domain).toList();
  }

  public long count(String domain) {
    services.requireHost(domain);
    return services.users().countUsers(domain);
  }

  /**
   * The bare JID of an existing account.
   *
   * @throws ApiException {@code unknown_domain} or {@code user_does_not_exist}
   */
  public Jid requireUser(Jid user) {
    services.requireHost(user.domain());
    Jid bare = user.toBare();
    if (bare.localpart().isEmpty() || !services.users().exists(bare)) {
      throw new ApiException("user_does_not_exist", "User " + bare + " does not exist");
    }
    return bare;
  }

  private static void requirePassword(String password) {
    if (password == null || password.isEmpty()) {
      throw new ApiException("empty_password", "The password must not be empty");
    }
  }

  private static String randomName() {
    return HexFormat.of().formatHex(randomBytes(8));
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
