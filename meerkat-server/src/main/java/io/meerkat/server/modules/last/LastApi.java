package io.meerkat.server.modules.last;

import io.meerkat.server.auth.UserStore;
import io.meerkat.server.hooks.Hooks;
import io.meerkat.server.sm.SessionManager;
import io.meerkat.xmpp.Jid;
import java.util.List;
import java.util.Optional;

/**
 * Last activity operations shared by the XMPP handler and the admin/user APIs ({@code
 * last.getLast}, {@code setLast}, {@code countActiveUsers}, {@code listOldUsers}, {@code
 * removeOldUsers}). Blocking: call from virtual threads.
 */
public final class LastApi {

  private final LastBackend backend;
  private final LastWriter writer;
  private final SessionManager sessions;
  private final UserStore users;
  private final Hooks hooks;

  LastApi(
      LastBackend backend,
      LastWriter writer,
      SessionManager sessions,
      UserStore users,
      Hooks hooks) {
    this.backend = backend;
    this.writer = writer;
    this.sessions = sessions;
    this.users = users;
    this.hooks = hooks;
  }

  /** The user's last logout, including one not yet written to the database. */
  public Optional<LastActivity> getLast(Jid user) {
    Jid bare = user.toBare();
    Optional<LastActivity> pending = writer.pending(bare);
    return pending.isPresent() ? pending : backend.get(bare);
  }

  /**
   * Sets the user's last activity (an administrator's correction or an import).
   *
   * @return false when the account does not exist
   */
  public boolean setLast(Jid user, LastActivity activity) {
    if (!users.exists(user.toBare())) {
      return false;
    }
    writer.forget(user.toBare());
    backend.set(user.toBare(), activity);
    return true;
  }

  /** Users of {@code domain} with a logout at or after {@code timestamp} (seconds since epoch). */
  public long countActiveUsers(String domain, long timestamp) {
    writer.flush();
    return backend.countSince(domain, timestamp);
  }

  /**
   * Accounts whose last logout is before {@code timestamp} and that are not connected now. Accounts
   * that never logged out are not listed.
   *
   * @param domain only this domain, or all when {@code null}
   */
  public List<Jid> listOldUsers(String domain, long timestamp) {
    writer.flush();
    return backend.listBefore(domain, timestamp).stream()
        .filter(u -> sessions.sessions(u).isEmpty())
        .toList();
  }

  /**
   * Removes the accounts {@link #listOldUsers} lists, with all their data (the account-removal hook
   * runs for each).
   *
   * @return the removed accounts
   */
  public List<Jid> removeOldUsers(String domain, long timestamp) {
    List<Jid> old = listOldUsers(domain, timestamp);
    for (Jid user : old) {
      hooks.userRemoved.run(null, user);
      users.remove(user);
    }
    return old;
  }

  /** Deletes the user's record (account removal). */
  void remove(Jid user) {
    writer.forget(user.toBare());
    backend.remove(user.toBare());
  }
}
