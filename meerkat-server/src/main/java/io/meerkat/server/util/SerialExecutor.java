package io.meerkat.server.util;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mailbox that runs its tasks one at a time, in submission order, on a backing executor (virtual
 * threads): the actor behind each client session. Tasks may block (JDBC) without holding up other
 * sessions.
 *
 * <p>{@code onIdle} runs after the last queued task of a batch, before the mailbox goes idle; the
 * session uses it to flush its socket once per batch instead of once per stanza.
 */
public final class SerialExecutor implements Executor {

  private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicInteger pending = new AtomicInteger();
  private final Executor backing;
  private final Runnable onIdle;

  public SerialExecutor(Executor backing, Runnable onIdle) {
    this.backing = backing;
    this.onIdle = onIdle;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    pending.incrementAndGet();
    if (scheduled.compareAndSet(false, true)) {
      backing.execute(this::drain);
    }
  }

  /**
   * Runs {@code task} on the calling thread, now, when the mailbox is idle (nothing running or
   * queued), followed by the idle task; tasks submitted meanwhile run afterwards on the backing
   * executor, as usual. Returns false, having run nothing, when the mailbox is busy. The order of
   * the mailbox is kept: the task takes the same turn an {@link #execute} would have given it.
   */
  public boolean runIfIdle(Runnable task) {
    if (!tasks.isEmpty() || !scheduled.compareAndSet(false, true)) {
      return false;
    }
    pending.incrementAndGet();
    run(task);
    finishTurn();
    return true;
  }

  /** Tasks submitted and not yet finished. */
  public int pending() {
    return pending.get();
  }

  private void drain() {
    while (true) {
      Runnable task;
      while ((task = tasks.poll()) != null) {
        run(task);
      }
      if (!finishTurnAndKeep()) {
        return;
      }
    }
  }

  private void run(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      LOG.error("Session task failed", e);
    } finally {
      pending.decrementAndGet();
    }
  }

  /** After an inline run: the idle task, then a drain on the backing executor if tasks came. */
  private void finishTurn() {
    if (finishTurnAndKeep()) {
      backing.execute(this::drain);
    }
  }

  /** Runs the idle task and releases the mailbox; true when it was taken back for new tasks. */
  private boolean finishTurnAndKeep() {
    try {
      onIdle.run();
    } catch (RuntimeException e) {
      LOG.error("Session idle task failed", e);
    }
    scheduled.set(false);
    return !tasks.isEmpty() && scheduled.compareAndSet(false, true);
  }
}
