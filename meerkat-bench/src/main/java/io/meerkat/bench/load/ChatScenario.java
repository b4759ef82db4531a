package io.meerkat.bench.load;

import io.meerkat.bench.xmpp.Frame;
import io.meerkat.bench.xmpp.Stanzas;
import io.meerkat.bench.xmpp.XmppClient;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;

/**
 * One-to-one chat between pairs of accounts (2k sends to 2k+1's full JID and back). First a
 * closed-loop phase finds the saturation rate: every sender keeps {@code --window} messages in
 * flight and sends the next when one arrives. Then open-loop phases offer fixed fractions of that
 * rate (and any {@code --rates}) and measure delivery latency from the intended send time, which
 * travels in the body ({@code t=<nanoTime>}; sender and receiver share the machine's monotonic
 * clock).
 */
public final class ChatScenario implements LoginLoop.MessageSink {

  private static final byte[] STAMP = Stanzas.STAMP;

  /** Per-session data kept in {@link XmppClient#attachment}. */
  private record Peer(XmppClient partner, byte[] prefixToPartner) {}

  private static final class Phase {
    final long startNanos = System.nanoTime();
    final long startCpuMillis = Cpu.millis();
    final boolean closedLoop;
    final Recorder latency = new Recorder(PhaseResult.MAX_MICROS, 3);
    final AtomicLong sent = new AtomicLong();
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong arrived = new AtomicLong();
    final AtomicLong stragglers = new AtomicLong();
    volatile long endNanos = Long.MAX_VALUE;
    volatile boolean stopping;

    Phase(boolean closedLoop) {
      this.closedLoop = closedLoop;
    }
  }

  private final LoadContext ctx;
  private volatile Phase phase;

  public ChatScenario(LoadContext ctx) {
    this.ctx = ctx;
  }

  public List<PhaseResult> run(Coordination coordination) {
    List<PhaseResult> results = new ArrayList<>();
    ctx.live().phase = "chat-login";
    LoginLoop loop = new LoginLoop(ctx, ctx.concurrency(), false, true, this);
    long start = System.nanoTime();
    loop.run(ctx.userCount(), start + ctx.caps().remainingNanos(start), 0);
    results.add(LoginScenarios.result("chat-login", start, loop, Map.of()));
    List<XmppClient> senders = pair(loop.kept());
    coordination.barrier("sessions-up", ctx.live().open.sum());
    if (senders.isEmpty()) {
      return results;
    }
    long durationNanos = TimeUnit.SECONDS.toNanos(ctx.options().integer("duration"));

    ctx.live().phase = "chat-saturation";
    Phase sat = new Phase(true);
    phase = sat;
    int window = ctx.options().integer("window");
    for (XmppClient s : senders) {
      for (int i = 0; i < window; i++) {
        send(sat, s, System.nanoTime());
      }
    }
    waitUntil(sat.startNanos + durationNanos);
    sat.stopping = true;
    PhaseResult saturation = finish("chat-saturation", sat);
    results.add(saturation);
    double saturationRate = saturation.rate();

    List<double[]> loads = new ArrayList<>();
    for (double f : ctx.options().doubles("fractions")) {
      loads.add(new double[] {f, f * saturationRate, 0});
    }
    for (double r : ctx.options().doubles("rates")) {
      loads.add(new double[] {-1, ctx.share(r), r});
    }
    for (double[] load : loads) {
      if (load[1] <= 0 || ctx.caps().expired(System.nanoTime())) {
        continue;
      }
      String name =
          load[0] >= 0
              ? "chat-at-" + Math.round(load[0] * 100) + "pct"
              : "chat-at-" + Math.round(load[2]) + "mps";
      ctx.live().phase = name;
      Phase open = new Phase(false);
      phase = open;
      offer(open, senders, load[1], durationNanos);
      results.add(finish(name, open));
    }
    senders.forEach(s -> s.close());
    senders.forEach(s -> ((Peer) s.attachment).partner().close());
    return results;
  }

  /** Links each pair whose two sessions are up; returns one client per direction. */
  private List<XmppClient> pair(List<XmppClient> sessions) {
    Map<String, XmppClient> byUser = new HashMap<>();
    sessions.forEach(c -> byUser.put(c.user(), c));
    List<XmppClient> senders = new ArrayList<>();
    for (int i = 0; i + 1 < ctx.userCount(); i += 2) {
      XmppClient a = byUser.get(ctx.user(i));
      XmppClient b = byUser.get(ctx.user(i + 1));
      if (a != null && b != null) {
        a.attachment = new Peer(b, Stanzas.messagePrefix(ctx.fullJid(i + 1)));
        b.attachment = new Peer(a, Stanzas.messagePrefix(ctx.fullJid(i)));
        senders.add(a);
        senders.add(b);
      }
    }
    return senders;
  }

  private void send(Phase p, XmppClient sender, long stamp) {
    p.sent.incrementAndGet();
    ctx.live().sent.increment();
    sender.sendMessage(((Peer) sender.attachment).prefixToPartner(), stamp);
  }

  @Override
  public void message(XmppClient receiver, Frame message) {
    long now = System.nanoTime();
    long stamp = message.numberAfter(STAMP);
    Phase p = phase;
    if (p == null || stamp < 0) {
      return;
    }
    ctx.live().received.increment();
    if (stamp - p.startNanos < 0) {
      p.stragglers.incrementAndGet();
      return;
    }
    p.arrived.incrementAndGet();
    long micros = Math.min((now - stamp) / 1000, PhaseResult.MAX_MICROS);
    p.latency.recordValue(micros);
    ctx.live().worstMicros.accumulate(micros);
    if (now - p.endNanos < 0) {
      p.delivered.incrementAndGet();
    }
    if (p.closedLoop && !p.stopping && receiver.attachment instanceof Peer peer) {
      send(p, peer.partner(), System.nanoTime());
    }
  }

  /**
   * Open loop: messages at {@code perSecond} over all senders, for the duration. Each event loop
   * paces the senders whose connections it serves, from a task it runs every 100 µs, so sending
   * needs no hand-over between threads (which would cost a wake-up per message).
   */
  private void offer(Phase p, List<XmppClient> senders, double perSecond, long durationNanos) {
    Map<EventLoop, List<XmppClient>> byLoop = new LinkedHashMap<>();
    for (XmppClient s : senders) {
      byLoop.computeIfAbsent(s.channel().eventLoop(), k -> new ArrayList<>()).add(s);
    }
    long end = p.startNanos + durationNanos;
    List<ScheduledFuture<?>> tasks = new ArrayList<>();
    for (Map.Entry<EventLoop, List<XmppClient>> e : byLoop.entrySet()) {
      List<XmppClient> group = e.getValue();
      double rate = perSecond * group.size() / senders.size();
      Pacer pacer = new Pacer(p.startNanos, rate, (long) Math.ceil(rate * durationNanos / 1e9));
      int[] next = {0};
      Runnable tick =
          () -> {
            long now = System.nanoTime();
            if (now - end >= 0) {
              return;
            }
            for (long due = pacer.due(now); due > 0; due--) {
              send(p, group.get(next[0]), pacer.intendedNanos());
              pacer.issue();
              next[0] = (next[0] + 1) % group.size();
            }
          };
      tasks.add(e.getKey().scheduleAtFixedRate(tick, 0, 100, TimeUnit.MICROSECONDS));
    }
    waitUntil(end);
    tasks.forEach(t -> t.cancel(false));
  }

  private void waitUntil(long nanos) {
    while (System.nanoTime() - nanos < 0 && !ctx.caps().expired(System.nanoTime())) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  /** Ends the phase's measuring window, lets messages in flight arrive (up to 5 s), reports. */
  private PhaseResult finish(String name, Phase p) {
    p.endNanos = System.nanoTime();
    long cpuMillis = Cpu.millis() - p.startCpuMillis;
    p.stopping = true;
    long drainUntil = p.endNanos + TimeUnit.SECONDS.toNanos(5);
    while (p.sent.get() > p.arrived.get() && System.nanoTime() - drainUntil < 0) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
    Map<String, Long> counters = new TreeMap<>();
    counters.put("sent", p.sent.get());
    counters.put("delivered", p.delivered.get());
    counters.put("arrived", p.arrived.get());
    counters.put("lost", Math.max(0, p.sent.get() - p.arrived.get()));
    counters.put("stragglers", p.stragglers.get());
    counters.put("gen_cpu_ms", cpuMillis);
    double seconds = (p.endNanos - p.startNanos) / 1e9;
    return new PhaseResult(
        name, seconds, "delivered", counters, Map.of("latency", p.latency.getIntervalHistogram()));
  }
}
