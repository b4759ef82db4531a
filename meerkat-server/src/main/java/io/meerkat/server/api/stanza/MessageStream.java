package io.meerkat.server.api.stanza;

import io.meerkat.server.sm.SessionEntry;
import io.meerkat.server.sm.SessionHandle;
import io.meerkat.server.sm.SessionManager;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Stanza;
import io.meerkat.xmpp.StreamError;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * A session without a socket: the messages routed to it become events of a subscription. It is an
 * available resource with priority 0, so it receives messages to the full JID and, like a client,
 * to the bare JID. One subscriber; the session ends when the subscriber cancels, when the server
 * closes it (kick, shutdown), or when the subscriber falls more than {@code maxPending} messages
 * behind (it then gets an error rather than silently losing messages).
 */
final class MessageStream implements Publisher<Object>, SessionHandle {

  private final SessionManager sessions;
  private final SessionEntry entry;
  private final Clock clock;
  private final int maxPending;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong demand = new AtomicLong();
  private final AtomicInteger wip = new AtomicInteger();
  private final AtomicBoolean subscribed = new AtomicBoolean();
  private volatile Subscriber<? super Object> subscriber;
  private volatile Throwable failure;
  private volatile boolean done;
  private boolean terminated;

  MessageStream(SessionManager sessions, SessionEntry entry, Clock clock, int maxPending) {
    this.sessions = sessions;
    this.entry = entry;
    this.clock = clock;
    this.maxPending = maxPending;
  }

  /** Joins the session manager; call from a virtual thread (it may block briefly). */
  MessageStream open() {
    sessions.open(this);
    return this;
  }

  @Override
  public void subscribe(Subscriber<? super Object> s) {
    if (!subscribed.compareAndSet(false, true)) {
      s.onSubscribe(
          new Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {}
          });
      s.onError(new IllegalStateException("a message stream has one subscriber"));
      return;
    }
    subscriber = s;
    s.onSubscribe(
        new Subscription() {
          @Override
          public void request(long n) {
            demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            drain();
          }

          @Override
          public void cancel() {
            finish(null, null);
          }
        });
    drain();
  }

  @Override
  public SessionEntry entry() {
    return entry;
  }

  @Override
  public void deliver(XmlElement stanza) {
    if (done || Stanza.kind(stanza) != Stanza.Kind.MESSAGE) {
      return;
    }
    if (pending.incrementAndGet() > maxPending) {
      finish(
          StreamError.of(StreamError.Condition.POLICY_VIOLATION, "Subscriber too slow"),
          new IllegalStateException("more than " + maxPending + " messages were not consumed"));
      return;
    }
    Map<String, Object> event = new HashMap<>();
    event.put("sender", Stanza.from(stanza));
    event.put("timestamp", clock.instant());
    event.put("stanza_id", Stanza.id(stanza));
    event.put("stanza", stanza);
    queue.add(Map.of("subscribeForMessages", event));
    drain();
  }

  @Override
  public void close(StreamError reason) {
    finish(reason, null);
  }

  @Override
  public CompletableFuture<Void> closed() {
    return closed;
  }

  private void finish(StreamError reason, Throwable error) {
    if (done) {
      return;
    }
    failure = error;
    done = true;
    sessions.close(entry, reason);
    closed.complete(null);
    drain();
  }

  private void drain() {
    if (subscriber == null || wip.getAndIncrement() != 0) {
      return;
    }
    do {
      Subscriber<? super Object> s = subscriber;
      while (demand.get() > 0 && !queue.isEmpty() && failure == null) {
        Object item = queue.poll();
        pending.decrementAndGet();
        if (demand.get() != Long.MAX_VALUE) {
          demand.decrementAndGet();
        }
        s.onNext(item);
      }
      if (done && !terminated && (queue.isEmpty() || failure != null)) {
        terminated = true;
        if (failure != null) {
          s.onError(failure);
        } else {
          s.onComplete();
        }
      }
    } while (wip.decrementAndGet() != 0);
  }
}
