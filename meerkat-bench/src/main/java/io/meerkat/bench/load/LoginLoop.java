package io.meerkat.bench.load;

import io.meerkat.bench.xmpp.ClientListener;
import io.meerkat.bench.xmpp.Frame;
import io.meerkat.bench.xmpp.XmppClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;

/**
 * Logs in (or registers) accounts of the slice with at most {@code concurrency} attempts in flight,
 * optionally paced to an arrival rate. Sessions are either kept open (returned for the scenario to
 * use) or closed at once (login storm). Latency is from connect to bound session with initial
 * presence sent (or to the registration result).
 */
public final class LoginLoop {

  /** What the scenario does with messages arriving on kept sessions. */
  public interface MessageSink {
    void message(XmppClient client, Frame message);
  }

  private final LoadContext ctx;
  private final int concurrency;
  private final boolean register;
  private final boolean keepOpen;
  private final MessageSink messages;
  private final Recorder latency = new Recorder(PhaseResult.MAX_MICROS, 3);
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong existing = new AtomicLong();
  private final List<XmppClient> kept = Collections.synchronizedList(new ArrayList<>());
  private final Semaphore permits;
  private final long serverPid;
  private long cpuMillis;
  private long serverCpuMillis = -1;

  public LoginLoop(
      LoadContext ctx, int concurrency, boolean register, boolean keepOpen, MessageSink messages) {
    this.ctx = ctx;
    this.concurrency = concurrency;
    this.register = register;
    this.keepOpen = keepOpen;
    this.messages = messages;
    this.permits = new Semaphore(concurrency);
    // Forked workers get no server pid: only a single generator process can attribute the
    // server's CPU to its own logins.
    this.serverPid = Long.parseLong(ctx.options().get("server-pid"));
  }

  /**
   * Runs attempts for accounts {@code k % slice} for k = 0, 1, ... until {@code attempts} were made
   * or {@code untilNanos} passed, then waits for those in flight.
   *
   * @param perSecond arrival rate, or 0 for as fast as the concurrency allows
   */
  public void run(long attempts, long untilNanos, double perSecond) {
    long cpuStartMillis = Cpu.millis();
    long serverStartMillis = serverPid > 0 ? Cpu.processMillis(serverPid) : 0;
    long start = System.nanoTime();
    Pacer pacer = perSecond > 0 ? new Pacer(start, perSecond, attempts) : null;
    ClientListener listener = new Listener();
    for (long k = 0; k < attempts; k++) {
      if (pacer != null) {
        while (pacer.due(System.nanoTime()) == 0) {
          LockSupport.parkNanos(200_000);
        }
        pacer.issue();
      }
      if (!acquire(untilNanos)) {
        break;
      }
      if (ctx.open((int) (k % ctx.userCount()), register, listener) == null) {
        permits.release();
        break;
      }
    }
    // Wait for the attempts in flight (each ends by itself within the login timeout).
    long drainUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ctx.timeoutMillis() + 2000);
    try {
      if (!permits.tryAcquire(
          concurrency, Math.max(0, drainUntil - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        failed.addAndGet(concurrency - permits.availablePermits());
      } else {
        permits.release(concurrency);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    cpuMillis = Cpu.millis() - cpuStartMillis;
    if (serverPid > 0) {
      serverCpuMillis = Cpu.processMillis(serverPid) - serverStartMillis;
    }
  }

  /** CPU the generator process used during {@link #run}. */
  public long cpuMillis() {
    return cpuMillis;
  }

  /** CPU the server process used during {@link #run}, or -1 when not measured. */
  public long serverCpuMillis() {
    return serverCpuMillis;
  }

  private boolean acquire(long untilNanos) {
    try {
      while (true) {
        long now = System.nanoTime();
        if (now - untilNanos >= 0 || ctx.caps().expired(now)) {
          return false;
        }
        if (permits.tryAcquire(50, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public long ok() {
    return ok.get();
  }

  public long failed() {
    return failed.get();
  }

  /** Registrations that found the account already there. */
  public long existing() {
    return existing.get();
  }

  public Recorder latency() {
    return latency;
  }

  /** Sessions kept open, in the order they became ready. */
  public List<XmppClient> kept() {
    synchronized (kept) {
      return List.copyOf(kept);
    }
  }

  private final class Listener implements ClientListener {
    @Override
    public void ready(XmppClient client) {
      record(client);
      ctx.live().logins.increment();
      ctx.live().open.increment();
      if (keepOpen) {
        kept.add(client);
      } else {
        client.close();
      }
      permits.release();
    }

    @Override
    public void registered(XmppClient client, boolean created) {
      record(client);
      if (!created) {
        existing.incrementAndGet();
      }
      ctx.live().logins.increment();
      permits.release();
    }

    private void record(XmppClient client) {
      long micros = (System.nanoTime() - client.startNanos) / 1000;
      latency.recordValue(Math.min(micros, PhaseResult.MAX_MICROS));
      ok.incrementAndGet();
    }

    @Override
    public void message(XmppClient client, Frame message) {
      if (messages != null) {
        messages.message(client, message);
      }
    }

    @Override
    public void failed(XmppClient client, String reason) {
      ctx.live().failures.increment();
      if (client.wasReady()) {
        // A kept session dropped later: not a login failure, but visible in the totals.
        return;
      }
      failed.incrementAndGet();
      ctx.live().failureLog.note(reason);
      permits.release();
    }

    @Override
    public void closed(XmppClient client) {
      if (client.wasReady()) {
        ctx.live().open.decrement();
      }
    }
  }
}
