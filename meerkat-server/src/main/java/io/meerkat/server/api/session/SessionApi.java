package io.meerkat.server.api.session;

import io.meerkat.server.api.ApiException;
import io.meerkat.server.api.ApiServices;
import io.meerkat.server.api.account.AccountApi;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.StreamError;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Session commands shared by the admin and user APIs; reads come from the session table. */
public final class SessionApi {

  private final ApiServices services;
  private final AccountApi accounts;
  private final SessionPresence presence;

  public SessionApi(ApiServices services, AccountApi accounts) {
    this.services = services;
    this.accounts = accounts;
    this.presence = new SessionPresence(services);
  }

  /** Changes a session's own presence as if its client sent it; see {@link SessionPresence}. */
  public String setPresence(Jid full, String type, String show, String status, Integer priority) {
    return presence.set(full, type, show, status, priority);
  }

  /** Sessions of a domain, or of all served domains when {@code domain} is null. */
  public List<SessionEntry> list(String domain) {
    List<SessionEntry> all =
        domain == null
            ? services.sessions().table().all()
            : services.sessions().table().listDomain(services.requireHost(domain));
    return all.stream().sorted(Comparator.comparing(e -> e.jid().toString())).toList();
  }

  /**
   * Sessions of a domain (or of all domains) whose presence has {@code status}; see {@link
   * UsersWithStatus}.
   *
   * @throws ApiException {@code unknown_domain}, or {@code bad_request} for an unknown status
   */
  public List<SessionEntry> withStatus(String domain, String status) {
    String wanted = UsersWithStatus.normalise(status);
    return UsersWithStatus.filter(list(domain), wanted);
  }

  /** Sessions of one user, in resource order. */
  public List<SessionEntry> ofUser(Jid user) {
    services.requireHost(user.domain());
    return services.sessions().sessions(user.toBare());
  }

  /**
   * Sessions of one account, in resource order.
   *
   * @throws ApiException {@code unknown_domain} or {@code user_does_not_exist}
   */
  public List<SessionEntry> ofAccount(Jid user) {
    return services.sessions().sessions(accounts.requireUser(user));
  }

  /**
   * The resource of the account's n-th session, counting from 1.
   *
   * @throws ApiException {@code unknown_domain}, {@code user_does_not_exist}, or {@code
   *     wrong_resource_number} when the user has fewer sessions
   */
  public String resource(Jid user, int number) {
    List<SessionEntry> sessions = ofAccount(user);
    if (number < 1 || number > sessions.size()) {
      throw new ApiException(
          "wrong_resource_number",
          "User " + user.toBare() + " has " + sessions.size() + " sessions, not " + number);
    }
    return sessions.get(number - 1).jid().resource();
  }

  /** Disconnects one session (full JID) with a {@code policy-violation} stream error. */
  public Map<String, Object> kickSession(Jid full, String reason) {
    services.requireHost(full.domain());
    if (!full.hasResource()) {
      throw new ApiException("bad_request", "A full JID with a resource is needed: " + full);
    }
    int closed = services.sessions().kick(full, streamError(reason));
    return closed > 0
        ? result(full, true, null, "Session " + full + " kicked")
        : result(full, false, "no_session", "There is no session " + full);
  }

  /** Disconnects every session of a user. */
  public List<Map<String, Object>> kickUser(Jid user, String reason) {
    List<Map<String, Object>> results =
        ofUser(user).stream().map(s -> kickSession(s.jid(), reason)).toList();
    return results;
  }

  private static StreamError streamError(String reason) {
    String text = reason == null || reason.isBlank() ? "Kicked by administrator" : reason;
    return StreamError.of(StreamError.Condition.POLICY_VIOLATION, text);
  }

  private static Map<String, Object> result(Jid jid, boolean kicked, String code, String message) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("jid", jid);
    r.put("kicked", kicked);
    r.put("code", code);
    r.put("message", message);
    return r;
  }

  /** The GraphQL {@code Session} of an entry. */
  public Map<String, Object> describe(SessionEntry entry) {
    String[] info = entry.info() == null ? new String[0] : entry.info().split(" ");
    Map<String, Object> session = new LinkedHashMap<>();
    session.put("user", entry.jid());
    session.put("connection", info.length > 0 ? info[0] : null);
    session.put("ip", info.length > 1 ? info[1] : null);
    session.put("port", null);
    session.put("priority", entry.priority());
    session.put("node", entry.id().node());
    long uptime = (services.clock().millis() - entry.connectedAtMillis()) / 1000;
    session.put("uptime", (int) Math.max(0, uptime));
    return session;
  }
}
