package io.meerkat.server.roster;

import io.meerkat.xmpp.Jid;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises read-modify-write changes of one user's roster on this node: a roster set from one
 * resource and a subscription request arriving from a contact must not both read the same entry and
 * overwrite each other. Striped, so memory does not grow with the number of users. A caller never
 * holds two users' locks at once (no deadlock between two users subscribing to each other).
 */
final class RosterLocks {

  private static final int STRIPES = 256;

  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  RosterLocks() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  <T> T withLock(Jid user, Supplier<T> body) {
    ReentrantLock lock = locks[Math.floorMod(user.toBare().hashCode(), STRIPES)];
    lock.lock();
    try {
      return body.get();
    } finally {
      lock.unlock();
    }
  }
}
