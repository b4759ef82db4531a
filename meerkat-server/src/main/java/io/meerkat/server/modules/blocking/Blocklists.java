package io.meerkat.server.modules.blocking;

import io.meerkat.server.cluster.ClusterEvents;
import io.meerkat.xmpp.Jid;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The blocklists in front of the backend. Every stanza between users is checked against both users'
 * lists, so lists are cached: loaded on first use, replaced after every change made through this
 * object (a write and the reload that follows hold a per-user lock, so concurrent changes of one
 * user cannot leave an older list in the cache). The cache is emptied when it exceeds its size
 * bound. A change is announced to the other nodes of the cluster, which drop their cached copy of
 * that user's list ({@link #CHANGED}).
 */
final class Blocklists {

  private static final int LOCK_STRIPES = 64;

  /** The cluster event announcing that a user's blocklist changed; the payload is the bare JID. */
  static final String CHANGED = "mod_blocking.changed";

  private final BlockingBackend backend;
  private final int maxCached;
  private final Map<Jid, List<Jid>> cache = new ConcurrentHashMap<>();
  private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

  private final ClusterEvents events;

  Blocklists(BlockingBackend backend, int maxCached, ClusterEvents events) {
    this.backend = backend;
    this.events = events;
    events.subscribe(CHANGED, user -> evict(Jid.parse(user)));
    this.maxCached = maxCached;
    for (int i = 0; i < LOCK_STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /** The user's blocked JIDs. */
  List<Jid> of(Jid user) {
    List<Jid> cached = cache.get(user);
    if (cached != null) {
      return cached;
    }
    List<Jid> loaded = backend.blocklist(user);
    if (cache.size() >= maxCached) {
      cache.clear();
    }
    List<Jid> raced = cache.putIfAbsent(user, loaded);
    return raced == null ? loaded : raced;
  }

  /**
   * Whether {@code user} blocks {@code other}, matching items as XEP-0016 does (XEP-0191 refers to
   * it): {@code user@domain/resource} that JID, {@code user@domain} any of its resources, {@code
   * domain/resource} that JID, {@code domain} the domain and every JID at it.
   */
  boolean blocks(Jid user, Jid other) {
    List<Jid> list = of(user);
    if (list.isEmpty()) {
      return false;
    }
    for (Jid item : list) {
      if (matches(item, other)) {
        return true;
      }
    }
    return false;
  }

  static boolean matches(Jid item, Jid other) {
    if (!item.domain().equals(other.domain())) {
      return false;
    }
    if (item.hasLocalpart()) {
      return item.localpart().equals(other.localpart())
          && (!item.hasResource() || item.resource().equals(other.resource()));
    }
    if (item.hasResource()) {
      // domain/resource: that JID only.
      return !other.hasLocalpart() && item.resource().equals(other.resource());
    }
    return true;
  }

  void block(Jid user, Collection<Jid> jids) {
    change(user, () -> backend.block(user, jids));
  }

  void unblock(Jid user, Collection<Jid> jids) {
    change(user, () -> backend.unblock(user, jids));
  }

  void unblockAll(Jid user) {
    change(user, () -> backend.unblockAll(user));
  }

  /** Drops the cached list of a user (account removal, or its last session closed). */
  void evict(Jid user) {
    cache.remove(user);
  }

  private void change(Jid user, Runnable write) {
    ReentrantLock lock = locks[Math.floorMod(user.hashCode(), LOCK_STRIPES)];
    lock.lock();
    try {
      write.run();
      cache.put(user, backend.blocklist(user));
    } finally {
      lock.unlock();
    }
    events.publish(CHANGED, user.toBare().toString());
  }
}
