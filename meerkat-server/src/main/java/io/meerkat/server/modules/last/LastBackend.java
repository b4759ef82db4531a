package io.meerkat.server.modules.last;

import io.meerkat.xmpp.Jid;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Last activity per account (XEP-0012): logout time and status. Implementations block (JDBC): call
 * from virtual threads.
 */
public interface LastBackend {

  Optional<LastActivity> get(Jid user);

  /** Stores or replaces the user's last activity; ignored when the account does not exist. */
  void set(Jid user, LastActivity activity);

  /**
   * Stores or replaces several users' last activity in one transaction; accounts that do not exist
   * are skipped.
   */
  void setAll(Map<Jid, LastActivity> activities);

  /** Number of users of {@code domain} whose last activity is at or after {@code timestamp}. */
  long countSince(String domain, long timestamp);

  /**
   * Users whose last activity is before {@code timestamp}, ordered by domain and user.
   *
   * @param domain only this domain, or every domain when {@code null}
   */
  List<Jid> listBefore(String domain, long timestamp);

  /** Deletes the user's record (account removal). */
  void remove(Jid user);
}
