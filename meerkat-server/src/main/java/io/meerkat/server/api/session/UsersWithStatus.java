package io.meerkat.server.api.session;

import io.meerkat.server.api.ApiException;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Namespaces;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code session listUsersWithStatus}/{@code countUsersWithStatus}: sessions chosen by the status
 * of their presence, read from the session table entries (which hold each session's last available
 * presence), so the answer is the same on every node that sees the table.
 *
 * <p>A session's status is the {@code show} of its available presence, {@code available} when that
 * presence has no {@code show}, and {@code unavailable} while it has sent no available presence.
 */
final class UsersWithStatus {

  static final String AVAILABLE = "available";
  static final String UNAVAILABLE = "unavailable";
  private static final Set<String> SHOWS = Set.of("away", "chat", "dnd", "xa");

  private UsersWithStatus() {}

  /**
   * The accepted spelling of a status argument: case is ignored and {@code online} (the name of
   * {@code PresenceShow.ONLINE}) means {@code available}.
   *
   * @throws ApiException {@code bad_request} for anything that is not a status
   */
  static String normalise(String status) {
    String s = status.trim().toLowerCase(Locale.ROOT);
    if (s.equals("online")) {
      return AVAILABLE;
    }
    if (s.equals(AVAILABLE) || s.equals(UNAVAILABLE) || SHOWS.contains(s)) {
      return s;
    }
    throw new ApiException(
        "bad_request",
        "Unknown status "
            + status
            + "; expected available (or online), away, chat, dnd, xa or unavailable");
  }

  /** The entries whose status is {@code status} (as returned by {@link #normalise}). */
  static List<SessionEntry> filter(List<SessionEntry> sessions, String status) {
    return sessions.stream().filter(e -> status.equals(statusOf(e))).toList();
  }

  static String statusOf(SessionEntry entry) {
    if (!entry.available()) {
      return UNAVAILABLE;
    }
    String show = entry.presence().childText("show", Namespaces.CLIENT);
    return show == null || show.isBlank() ? AVAILABLE : show.trim();
  }

  /** The GraphQL {@code UserStatus} of an entry. */
  static Map<String, Object> describe(SessionEntry entry) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("user", entry.jid());
    status.put("priority", entry.priority());
    status.put("text", entry.available() ? text(entry.presence()) : null);
    return status;
  }

  /** The status text without {@code xml:lang}, else the first one. */
  private static String text(XmlElement presence) {
    String first = null;
    for (XmlElement e : presence.elements()) {
      if (e.is("status", Namespaces.CLIENT)) {
        if (e.attribute("xml:lang") == null) {
          return e.text();
        }
        first = first == null ? e.text() : first;
      }
    }
    return first;
  }
}
