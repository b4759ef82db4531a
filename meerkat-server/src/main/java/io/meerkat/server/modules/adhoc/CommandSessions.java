package io.meerkat.server.modules.adhoc;

import io.meerkat.xmpp.Jid;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Command sessions waiting for a form: who started which command, and when. Sessions belong to the
 * full JID that started them, expire after {@link #LIFETIME}, and there are at most {@link
 * #MAX_SESSIONS} at a time so abandoned commands cannot pile up.
 */
final class CommandSessions {

  static final Duration LIFETIME = Duration.ofMinutes(10);
  static final int MAX_SESSIONS = 10_000;

  /** One open session. */
  record Session(String id, Jid owner, String node, Instant started) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Clock clock;

  CommandSessions(Clock clock) {
    this.clock = clock;
  }

  /** A fresh session id (also used for single-stage commands, which keep no session). */
  static String newId() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * Opens a session.
   *
   * @return empty when too many sessions are open
   */
  Optional<Session> open(Jid owner, String node) {
    purgeExpired();
    if (sessions.size() >= MAX_SESSIONS) {
      return Optional.empty();
    }
    Session s = new Session(newId(), owner, node, clock.instant());
    sessions.put(s.id(), s);
    return Optional.of(s);
  }

  /** The live session with this id owned by {@code owner} for {@code node}. */
  Optional<Session> find(String id, Jid owner, String node) {
    Session s = sessions.get(id);
    if (s == null || !s.owner().equals(owner) || !s.node().equals(node)) {
      return Optional.empty();
    }
    if (expired(s)) {
      sessions.remove(id);
      return Optional.empty();
    }
    return Optional.of(s);
  }

  void close(String id) {
    sessions.remove(id);
  }

  int size() {
    return sessions.size();
  }

  private boolean expired(Session s) {
    return s.started().plus(LIFETIME).isBefore(clock.instant());
  }

  private void purgeExpired() {
    sessions.values().removeIf(this::expired);
  }
}
