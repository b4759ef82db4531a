package io.meerkat.server.modules.ping;

import io.meerkat.server.hooks.HookResult;
import io.meerkat.server.hooks.SessionEvent;
import io.meerkat.server.hooks.StanzaEvent;
import io.meerkat.server.router.Router;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.server.sm.SessionManager;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.IqType;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.Stanza;
import io.meerkat.xmpp.StreamError;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pings clients that were silent for {@code ping_interval} (XEP-0199 §4.2) and, with {@code
 * timeout_action = "kill"}, closes sessions that do not answer within {@code ping_req_timeout}.
 *
 * <p>Any stanza from the client counts as a sign of life: it postpones the next ping and settles a
 * ping in flight. The client's answer (a {@code result} or an {@code error}, both prove the client
 * is there) is recognised in the {@code user_send_packet} hook by its id and consumed there, so no
 * routing change is needed.
 */
final class ClientPinger {

  private static final Logger LOG = LoggerFactory.getLogger(ClientPinger.class);

  /** What the pinger knows of one session; guarded by its own monitor. */
  private static final class Watched {
    final SessionEntry session;
    long lastActivity;
    String pendingId;
    ScheduledFuture<?> timer;
    boolean closed;

    Watched(SessionEntry session, long now) {
      this.session = session;
      this.lastActivity = now;
    }
  }

  private final Router router;
  private final SessionManager sessions;
  private final ScheduledExecutorService scheduler;
  private final Duration interval;
  private final Duration timeout;
  private final boolean kill;
  private final Map<Jid, Watched> watched = new ConcurrentHashMap<>();
  private final AtomicLong serial = new AtomicLong();

  ClientPinger(
      Router router,
      SessionManager sessions,
      ScheduledExecutorService scheduler,
      Duration interval,
      Duration timeout,
      boolean kill) {
    this.router = router;
    this.sessions = sessions;
    this.scheduler = scheduler;
    this.interval = interval;
    this.timeout = timeout;
    this.kill = kill;
  }

  HookResult<Void> onOpened(Void acc, SessionEvent event) {
    Watched w = new Watched(event.session(), System.nanoTime());
    Watched old = watched.put(event.session().jid(), w);
    if (old != null) {
      stop(old);
    }
    synchronized (w) {
      w.timer = schedule(() -> check(w), interval.toNanos());
    }
    return HookResult.next(acc);
  }

  HookResult<Void> onClosed(Void acc, SessionEvent event) {
    Watched w = watched.get(event.session().jid());
    if (w != null && w.session.id().equals(event.session().id())) {
      watched.remove(event.session().jid(), w);
      stop(w);
    }
    return HookResult.next(acc);
  }

  /** Every stanza a client sends: a sign of life, and perhaps the answer to our ping. */
  HookResult<XmlElement> onSend(XmlElement stanza, StanzaEvent event) {
    Watched w = watched.get(event.from());
    if (w == null || stanza == null) {
      return HookResult.next(stanza);
    }
    boolean answer;
    synchronized (w) {
      answer = w.pendingId != null && isAnswer(stanza, w.pendingId);
      w.lastActivity = System.nanoTime();
      if (w.pendingId != null && !w.closed) {
        w.pendingId = null;
        w.timer.cancel(false);
        w.timer = schedule(() -> check(w), interval.toNanos());
      }
    }
    return answer ? HookResult.stop(null) : HookResult.next(stanza);
  }

  private static boolean isAnswer(XmlElement stanza, String id) {
    if (Stanza.kind(stanza) != Stanza.Kind.IQ || !id.equals(Stanza.id(stanza))) {
      return false;
    }
    IqType type = IqType.parse(Stanza.type(stanza));
    return type == IqType.RESULT || type == IqType.ERROR;
  }

  private void check(Watched w) {
    String id;
    synchronized (w) {
      if (w.closed || w.pendingId != null) {
        return;
      }
      long idle = System.nanoTime() - w.lastActivity;
      if (idle < interval.toNanos()) {
        w.timer = schedule(() -> check(w), interval.toNanos() - idle);
        return;
      }
      id = "ping-" + serial.incrementAndGet();
      w.pendingId = id;
      w.timer = schedule(() -> timedOut(w, id), timeout.toNanos());
    }
    Jid server = Jid.ofDomain(w.session.jid().domain());
    router.route(
        server,
        w.session.jid(),
        XmlElement.builder("iq", Namespaces.CLIENT)
            .attribute("from", server.toString())
            .attribute("to", w.session.jid().toString())
            .attribute("id", id)
            .attribute("type", "get")
            .child(XmlElement.empty("ping", Namespaces.PING))
            .build());
  }

  private void timedOut(Watched w, String id) {
    synchronized (w) {
      if (w.closed || !id.equals(w.pendingId)) {
        return;
      }
      w.pendingId = null;
      if (!kill) {
        w.timer = schedule(() -> check(w), interval.toNanos());
        return;
      }
      w.closed = true;
    }
    LOG.info("{} did not answer a ping within {}; closing the session", w.session.jid(), timeout);
    sessions.kick(
        w.session.jid(),
        StreamError.of(StreamError.Condition.CONNECTION_TIMEOUT, "No answer to ping"));
  }

  private ScheduledFuture<?> schedule(Runnable task, long nanos) {
    return scheduler.schedule(task, Math.max(0, nanos), TimeUnit.NANOSECONDS);
  }

  private static void stop(Watched w) {
    synchronized (w) {
      w.closed = true;
      if (w.timer != null) {
        w.timer.cancel(false);
      }
    }
  }
}
