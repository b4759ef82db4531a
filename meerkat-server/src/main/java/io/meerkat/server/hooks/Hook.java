package io.meerkat.server.hooks;

import io.meerkat.server.util.NonBlocking;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One typed extension point. Handlers run in ascending priority order with an accumulator that each
 * may replace; a handler can stop the chain. A failing handler is logged and skipped, so one module
 * cannot break another's work.
 *
 * @param <P> what the hook is about (immutable parameters)
 * @param <A> the accumulated result
 */
public final class Hook<P, A> {

  /** A handler for this hook. */
  @FunctionalInterface
  public interface Handler<P, A> {
    HookResult<A> handle(A acc, P params);
  }

  private record Registration<P, A>(int priority, String owner, Handler<P, A> handler) {}

  private static final Logger LOG = LoggerFactory.getLogger(Hook.class);

  private final String name;
  private final List<Registration<P, A>> handlers = new CopyOnWriteArrayList<>();

  public Hook(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /**
   * Adds a handler; lower priorities run first.
   *
   * @param owner who registered it (a module name), for logs and removal
   */
  public synchronized void add(int priority, String owner, Handler<P, A> handler) {
    List<Registration<P, A>> sorted = new ArrayList<>(handlers);
    sorted.add(new Registration<>(priority, owner, handler));
    sorted.sort(Comparator.comparingInt(Registration::priority));
    handlers.clear();
    handlers.addAll(sorted);
  }

  /**
   * Adds a handler that only acts on the event: it leaves the accumulator as it is and never stops
   * the chain.
   */
  public void observe(int priority, String owner, Consumer<P> action) {
    add(
        priority,
        owner,
        (acc, params) -> {
          action.accept(params);
          return HookResult.next(acc);
        });
  }

  /** Removes every handler registered by {@code owner}. */
  public synchronized void removeAll(String owner) {
    handlers.removeIf(r -> r.owner().equals(owner));
  }

  /** Runs the handlers and returns the final accumulator. */
  public A run(A initial, P params) {
    A acc = initial;
    for (Registration<P, A> r : handlers) {
      try {
        HookResult<A> result = r.handler().handle(acc, params);
        acc = result.acc();
        if (result.stop()) {
          break;
        }
      } catch (NonBlocking.WouldBlock e) {
        throw e; // the whole run is redone off the event loop
      } catch (RuntimeException e) {
        LOG.error("Handler of hook {} registered by {} failed", name, r.owner(), e);
      }
    }
    return acc;
  }

  public boolean isEmpty() {
    return handlers.isEmpty();
  }
}
