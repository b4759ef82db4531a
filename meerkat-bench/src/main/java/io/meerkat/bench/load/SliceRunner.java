package io.meerkat.bench.load;

import io.meerkat.bench.xmpp.ClientConfig;
import io.meerkat.bench.xmpp.Connector;
import io.meerkat.bench.xmpp.ScramClient;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Runs the chosen scenario for one slice of the accounts inside one process (the coordinator
 * itself, or a forked worker).
 */
public final class SliceRunner {

  private SliceRunner() {}

  /** First account number and count of slice {@code index} of {@code of}; counts stay even. */
  public static int[] slice(int users, int index, int of) {
    int per = (users / of) & ~1;
    int first = 1 + index * per;
    int count = index == of - 1 ? users - index * per : per;
    return new int[] {first, count};
  }

  /** Source addresses of process {@code index}: its share when there are enough to split. */
  public static List<InetAddress> sourcesFor(List<InetAddress> all, int index, int of) {
    if (all.size() < of) {
      return all;
    }
    List<InetAddress> mine = new ArrayList<>();
    for (int i = index; i < all.size(); i += of) {
      mine.add(all.get(i));
    }
    return mine;
  }

  public static List<PhaseResult> run(
      BenchOptions o,
      int index,
      int of,
      Live live,
      Coordination coordination,
      ScramClient.SaltCache saltCache) {
    int[] slice = slice(o.users(), index, of);
    SslContext ssl = o.get("tls").equals("starttls") ? clientTls(o.get("tls-groups")) : null;
    if (ssl == null && !o.get("tls").equals("plain")) {
      throw new IllegalArgumentException("--tls must be starttls or plain");
    }
    ClientConfig client =
        new ClientConfig(
            o.get("domain"), ssl, o.get("mechanism"), o.get("password"), "bench", saltCache);
    int threads =
        o.integer("threads") > 0
            ? o.integer("threads")
            : Runtime.getRuntime().availableProcessors();
    List<InetSocketAddress> servers = new ArrayList<>();
    servers.add(new InetSocketAddress(o.get("host"), o.integer("port")));
    if (o.crossNode()) {
      servers.add(new InetSocketAddress(o.get("host"), o.integer("peer-port")));
    }
    boolean storm = o.get("scenario").equals("login") || o.get("scenario").equals("register");
    try (Connector connector =
        new Connector(servers, sourcesFor(o.sources(), index, of), threads, storm)) {
      Caps caps =
          new Caps(o.integer("max-connections"), o.integer("max-seconds"), System.nanoTime());
      LoadContext ctx = new LoadContext(o, connector, client, caps, live, slice[0], slice[1]);
      long wallStart = System.nanoTime();
      long cpuStart = Cpu.millis();
      List<PhaseResult> results = new ArrayList<>(scenario(o, ctx, coordination));
      // The generator's own CPU use, so a report shows whether the generator was the bottleneck.
      long cpuMillis = Cpu.millis() - cpuStart;
      results.add(
          new PhaseResult(
              "generator",
              (System.nanoTime() - wallStart) / 1e9,
              "cpu_ms",
              Map.of("cpu_ms", cpuMillis),
              Map.of()));
      return results;
    }
  }

  private static List<PhaseResult> scenario(
      BenchOptions o, LoadContext ctx, Coordination coordination) {
    return switch (o.get("scenario")) {
      case "register" -> LoginScenarios.register(ctx);
      case "login" -> LoginScenarios.loginStorm(ctx);
      case "idle" -> LoginScenarios.idle(ctx, coordination);
      case "chat", "crossnode" -> new ChatScenario(ctx).run(coordination);
      default -> throw new IllegalArgumentException("scenario " + o.get("scenario"));
    };
  }

  private static SslContext clientTls(String groups) {
    try {
      // The servers under test use self-signed certificates on loopback. The groups are fixed so
      // that every server does the same key exchange: BoringSSL would otherwise offer the hybrid
      // X25519MLKEM768 first, which a BoringSSL server accepts and an OpenSSL 3.0 server cannot.
      return SslContextBuilder.forClient()
          .trustManager(InsecureTrustManagerFactory.INSTANCE)
          .option(OpenSslContextOption.GROUPS, groups.split(":"))
          .build();
    } catch (SSLException e) {
      throw new IllegalStateException("client TLS context: " + e.getMessage(), e);
    }
  }
}
