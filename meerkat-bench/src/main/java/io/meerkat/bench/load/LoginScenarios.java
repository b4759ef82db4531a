package io.meerkat.bench.load;

import io.meerkat.bench.xmpp.XmppClient;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/** Registration, login storm and idle sessions. */
public final class LoginScenarios {

  private LoginScenarios() {}

  /** Registers every account of the slice in-band (existing accounts count as done). */
  public static List<PhaseResult> register(LoadContext ctx) {
    ctx.live().phase = "register";
    LoginLoop loop = new LoginLoop(ctx, ctx.concurrency(), true, false, null);
    long start = System.nanoTime();
    loop.run(ctx.userCount(), start + ctx.caps().remainingNanos(start), 0);
    return List.of(result("register", start, loop, Map.of("existing", loop.existing())));
  }

  /**
   * One login per account to warm caches on both sides (the generator caches salted passwords),
   * then logins that close at once, {@code --concurrency} in flight, for {@code --duration}.
   */
  public static List<PhaseResult> loginStorm(LoadContext ctx) {
    int concurrency = ctx.concurrency();
    if (ctx.userCount() < 2 * concurrency) {
      throw new IllegalArgumentException(
          "login storm needs --users >= 2 x --concurrency per process, or logins of the same"
              + " account would collide");
    }
    ctx.live().phase = "login-warmup";
    LoginLoop warm = new LoginLoop(ctx, concurrency, false, false, null);
    long warmStart = System.nanoTime();
    warm.run(ctx.userCount(), warmStart + ctx.caps().remainingNanos(warmStart), 0);
    PhaseResult warmResult = result("login-warmup", warmStart, warm, Map.of());

    ctx.live().phase = "login-storm";
    LoginLoop storm = new LoginLoop(ctx, concurrency, false, false, null);
    long start = System.nanoTime();
    long until = start + TimeUnit.SECONDS.toNanos(ctx.options().integer("duration"));
    storm.run(Long.MAX_VALUE, until, 0);
    return List.of(warmResult, result("login-storm", start, storm, Map.of()));
  }

  /**
   * Opens a session for every account of the slice (paced by {@code --rate} if set), meets the
   * other processes at the {@code sessions-up} barrier (the coordinator measures server memory
   * there), holds the sessions for {@code --hold} seconds and closes them.
   */
  public static List<PhaseResult> idle(LoadContext ctx, Coordination coordination) {
    ctx.live().phase = "idle-login";
    LoginLoop loop = new LoginLoop(ctx, ctx.concurrency(), false, true, null);
    long start = System.nanoTime();
    loop.run(
        ctx.userCount(),
        start + ctx.caps().remainingNanos(start),
        ctx.share(ctx.options().number("rate")));
    PhaseResult logins = result("idle-login", start, loop, Map.of());
    List<XmppClient> sessions = loop.kept();
    coordination.barrier("sessions-up", ctx.live().open.sum());
    ctx.live().phase = "idle-hold";
    long holdStart = System.nanoTime();
    long holdUntil = holdStart + TimeUnit.SECONDS.toNanos(ctx.options().integer("hold"));
    while (System.nanoTime() - holdUntil < 0 && !ctx.caps().expired(System.nanoTime())) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    long stillOpen = sessions.stream().filter(XmppClient::isReady).count();
    sessions.forEach(XmppClient::close);
    Map<String, Long> counters = new TreeMap<>();
    counters.put("sessions", (long) sessions.size());
    counters.put("held", stillOpen);
    PhaseResult hold =
        new PhaseResult(
            "idle-hold", (System.nanoTime() - holdStart) / 1e9, "held", counters, Map.of());
    return List.of(logins, hold);
  }

  static PhaseResult result(String name, long start, LoginLoop loop, Map<String, Long> extra) {
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Long> counters = new TreeMap<>(extra);
    counters.put("ok", loop.ok());
    counters.put("failed", loop.failed());
    counters.put("gen_cpu_ms", loop.cpuMillis());
    if (loop.serverCpuMillis() >= 0) {
      counters.put("server_cpu_ms", loop.serverCpuMillis());
    }
    Histogram h = loop.latency().getIntervalHistogram();
    return new PhaseResult(name, seconds, "ok", counters, Map.of("latency", h));
  }
}
