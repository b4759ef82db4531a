package io.meerkat.server.modules.offline;

import io.meerkat.server.cluster.ClusterLocks;
import io.meerkat.server.hooks.Hooks;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.server.sm.SessionManager;
import io.meerkat.xml.XmlElement;
import io.meerkat.xml.XmlNode;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a user's stored messages to a session that became available, oldest first, each with a
 * XEP-0203 {@code <delay/>} from the server's domain carrying the time it was stored.
 *
 * <p>Messages are deleted only after they were handed to the session, so a crash in between
 * delivers them again on the next login rather than losing them. Two sessions of the user becoming
 * available at the same moment take turns (a per-user lock on this node, and a cluster-wide one
 * when there are messages to hand out), so each message reaches only the first.
 */
final class OfflineDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(OfflineDelivery.class);

  private final OfflineBackend backend;
  private final SessionManager sessions;
  private final Hooks hooks;
  private final Clock clock;
  private final Lock[] userLocks = new Lock[64];

  private final ClusterLocks clusterLocks;

  OfflineDelivery(
      OfflineBackend backend,
      SessionManager sessions,
      Hooks hooks,
      Clock clock,
      ClusterLocks clusterLocks) {
    this.backend = backend;
    this.clusterLocks = clusterLocks;
    this.sessions = sessions;
    this.hooks = hooks;
    this.clock = clock;
    for (int i = 0; i < userLocks.length; i++) {
      userLocks[i] = new ReentrantLock();
    }
  }

  /**
   * Delivers the stored messages of the session's user to it.
   *
   * @return how many were delivered
   */
  int deliver(SessionEntry session) {
    Jid user = session.jid().toBare();
    Lock lock = userLocks[Math.floorMod(user.hashCode(), userLocks.length)];
    lock.lock();
    try {
      if (backend.messages(user, clock.instant()).isEmpty()) {
        return 0;
      }
      try (ClusterLocks.Lease lease = clusterLocks.acquire("mod_offline/" + user)) {
        return deliverLocked(session, user);
      }
    } finally {
      lock.unlock();
    }
  }

  private int deliverLocked(SessionEntry session, Jid user) {
    Instant now = clock.instant();
    List<OfflineMessage> stored = backend.messages(user, now);
    List<Long> done = new ArrayList<>();
    for (OfflineMessage m : stored) {
      XmlElement stanza;
      try {
        stanza =
            withDelay(
                withRemainingLifetime(StoredStanzas.read(m.packet()), m.expire(), now),
                user.domain(),
                m.timestamp());
      } catch (IllegalArgumentException e) {
        LOG.error("Offline message {} of {} is unreadable and is kept", m.id(), user, e);
        continue;
      }
      XmlElement filtered =
          hooks.userReceivePacket.run(stanza, new Hooks.Delivery(session, stanza));
      if (filtered != null && !sessions.deliver(session, filtered)) {
        break;
      }
      done.add(m.id());
    }
    if (!done.isEmpty()) {
      backend.delete(user, done);
    }
    return done.size();
  }

  /** XEP-0023 §3: the {@code seconds} of an expiring message become the time it has left. */
  static XmlElement withRemainingLifetime(XmlElement message, Instant expire, Instant now) {
    if (expire == null) {
      return message;
    }
    long left = Math.max(0, Duration.between(now, expire).toSeconds());
    List<XmlNode> children = new ArrayList<>();
    for (XmlNode child : message.children()) {
      children.add(
          child instanceof XmlElement e && e.is("x", OfflineStorage.EXPIRE_NS)
              ? e.withAttribute("seconds", Long.toString(left))
              : child);
    }
    return message.withChildren(children);
  }

  static XmlElement withDelay(XmlElement message, String domain, Instant stamp) {
    return message.withChild(
        XmlElement.builder("delay", Namespaces.DELAY)
            .attribute("from", domain)
            .attribute(
                "stamp", DateTimeFormatter.ISO_INSTANT.format(stamp.truncatedTo(ChronoUnit.MILLIS)))
            .text("Offline storage")
            .build());
  }
}
