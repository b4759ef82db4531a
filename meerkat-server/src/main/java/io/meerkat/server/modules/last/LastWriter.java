package io.meerkat.server.modules.last;

import io.meerkat.xmpp.Jid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes logout times behind the sessions' backs. A mass disconnect (a node restart, a network
 * blip) closes thousands of sessions within a second; writing one row per logout from each
 * session's thread would queue them all on the connection pool. Instead logouts are recorded in
 * memory and one virtual thread writes whatever is pending in batched transactions: the more
 * logouts arrive while a batch is written, the larger the next batch. Several logouts of one user
 * coalesce into the latest.
 *
 * <p>Readers see pending records through {@link #pending}. When the database fails the records stay
 * pending and the writer retries; records still pending when the writer is closed after a failed
 * final attempt are logged as lost.
 */
final class LastWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LastWriter.class);
  static final int BATCH = 500;
  private static final long RETRY_MILLIS = 1000;

  private final LastBackend backend;
  private final Map<Jid, LastActivity> pending = new ConcurrentHashMap<>();
  private final Semaphore wakeup = new Semaphore(0);
  private final Thread thread;
  private volatile boolean closing;

  LastWriter(LastBackend backend) {
    this.backend = backend;
    this.thread = Thread.ofVirtual().name("mod_last-writer").start(this::run);
  }

  /** Records a logout; returns at once. */
  void record(Jid user, LastActivity activity) {
    pending.put(user, activity);
    wakeup.release();
  }

  /** The record not yet written for {@code user}, if any. */
  Optional<LastActivity> pending(Jid user) {
    return Optional.ofNullable(pending.get(user));
  }

  /** Forgets a pending record (the account was removed). */
  void forget(Jid user) {
    pending.remove(user);
  }

  /** Writes everything pending now on the caller's thread. */
  void flush() {
    while (!pending.isEmpty()) {
      writeBatch();
    }
  }

  private void run() {
    while (!closing) {
      try {
        wakeup.acquire();
        wakeup.drainPermits();
        flush();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("Writing last activity of {} users failed; retrying", pending.size(), e);
        try {
          // Back off before retrying; a new logout does not cut the wait short on purpose.
          if (!closing) {
            wakeup.tryAcquire(RETRY_MILLIS, TimeUnit.MILLISECONDS);
          }
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
        wakeup.release();
      }
    }
  }

  private void writeBatch() {
    Map<Jid, LastActivity> batch = new TreeMap<>();
    for (Map.Entry<Jid, LastActivity> e : pending.entrySet()) {
      batch.put(e.getKey(), e.getValue());
      if (batch.size() >= BATCH) {
        break;
      }
    }
    // Sorted keys: concurrent writers lock rows in the same order.
    backend.setAll(batch);
    List<Jid> written = new ArrayList<>(batch.keySet());
    for (Jid user : written) {
      // Only if unchanged: a newer logout recorded meanwhile stays pending.
      pending.remove(user, batch.get(user));
    }
  }

  @Override
  public void close() {
    closing = true;
    wakeup.release();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.error("Last activity of {} users could not be written at shutdown", pending.size(), e);
    }
  }
}
