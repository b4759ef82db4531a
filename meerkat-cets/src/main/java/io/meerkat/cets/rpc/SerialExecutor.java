package io.meerkat.cets.rpc;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs submitted tasks one at a time, in submission order, on a shared executor: the mailbox of an
 * actor. A failing task is logged and does not stop the mailbox.
 */
public final class SerialExecutor implements Executor {

  private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

  private final Executor delegate;
  private final String name;
  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
  private boolean running;

  public SerialExecutor(Executor delegate, String name) {
    this.delegate = delegate;
    this.name = name;
  }

  @Override
  public void execute(Runnable task) {
    synchronized (queue) {
      queue.add(task);
      if (running) {
        return;
      }
      running = true;
    }
    delegate.execute(this::drain);
  }

  private void drain() {
    while (true) {
      Runnable task;
      synchronized (queue) {
        task = queue.poll();
        if (task == null) {
          running = false;
          return;
        }
      }
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.error("Task failed in {}", name, e);
      }
    }
  }
}
