package io.meerkat.bench.load;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the load generator ({@code --name value}), with defaults. Unknown names
 * are rejected so a typo never silently runs a different benchmark.
 */
public final class BenchOptions {

  /** Every option with its default and meaning (printed by {@code --help}). */
  public static final Map<String, String[]> SPEC = new LinkedHashMap<>();

  static {
    opt("scenario", "chat", "register | login | idle | chat | crossnode");
    opt("label", "server", "name of the server under test, used in reports");
    opt("host", "127.0.0.1", "server address (loopback only)");
    opt("port", "5222", "c2s port");
    opt(
        "peer-port",
        "0",
        "crossnode: c2s port of the second node; the second account of each pair connects there");
    opt("domain", "localhost", "XMPP domain");
    opt("tls", "starttls", "starttls | plain");
    opt(
        "tls-groups",
        "X25519:P-256",
        "key-exchange groups the client offers, in order (X25519MLKEM768 adds post-quantum work"
            + " that only BoringSSL servers can do)");
    opt("mechanism", "SCRAM-SHA-1", "PLAIN | SCRAM-SHA-1 | SCRAM-SHA-256");
    opt("users", "1000", "number of accounts used (bench1 .. benchN)");
    opt("user-prefix", "bench", "account localpart prefix");
    opt("password", "benchpass", "password of every account");
    opt("concurrency", "50", "logins (or registrations) in flight at once, over all processes");
    opt(
        "rate",
        "0",
        "idle: session arrivals per second over all processes (0: as fast as --concurrency allows)");
    opt("duration", "10", "seconds per measured phase");
    opt("hold", "5", "idle: seconds sessions stay open after all are up");
    opt("fractions", "0.25,0.5,0.75", "chat: offered load as fractions of the saturation rate");
    opt("rates", "", "chat: additional absolute offered loads in messages/s over all processes");
    opt("window", "4", "chat saturation: messages in flight per sender");
    opt("workers", "0", "generator processes (0: one per 19,000 connections)");
    opt("sources", "127.0.0.2-127.0.0.9", "loopback source addresses, a range or a list");
    opt("threads", "0", "event-loop threads per process (0: number of cores)");
    opt("max-connections", "200000", "hard cap on connections opened per process");
    opt("max-seconds", "900", "hard cap on the run time of each process");
    opt("timeout", "15000", "ms a login may take before it counts as failed");
    opt("server-pid", "0", "pid of the server, for memory figures (0: none)");
    opt("server-jvm", "false", "the server is a JVM: also measure live heap with jcmd");
    opt("json", "", "write the results as JSON to this file");
    opt("figures", "", "write the key figures as name=value lines to this file");
    opt("worker", "-1", "internal: index of a forked worker process");
  }

  private static void opt(String name, String def, String help) {
    SPEC.put(name, new String[] {def, help});
  }

  private final Map<String, String> values = new LinkedHashMap<>();

  public BenchOptions(List<String> args) {
    for (int i = 0; i < args.size(); i += 2) {
      String a = args.get(i);
      if (!a.startsWith("--") || i + 1 >= args.size()) {
        throw new IllegalArgumentException("expected --name value, got " + a);
      }
      String name = a.substring(2);
      if (!SPEC.containsKey(name)) {
        throw new IllegalArgumentException("unknown option --" + name);
      }
      values.put(name, args.get(i + 1));
    }
    if (!Set.of("register", "login", "idle", "chat", "crossnode").contains(get("scenario"))) {
      throw new IllegalArgumentException("unknown scenario " + get("scenario"));
    }
    if (crossNode() && integer("peer-port") <= 0) {
      throw new IllegalArgumentException("--scenario crossnode needs --peer-port (node B's port)");
    }
    if (users() < 2 || users() % 2 != 0) {
      throw new IllegalArgumentException("--users must be even and at least 2");
    }
  }

  public String get(String name) {
    return values.getOrDefault(name, SPEC.get(name)[0]);
  }

  public int integer(String name) {
    return Integer.parseInt(get(name));
  }

  public double number(String name) {
    return Double.parseDouble(get(name));
  }

  /**
   * The cross-node chat: the chat scenario with the two accounts of each pair on different nodes.
   */
  public boolean crossNode() {
    return get("scenario").equals("crossnode");
  }

  public int users() {
    return integer("users");
  }

  /** The options as arguments again, with {@code overrides} applied (for forked workers). */
  public List<String> toArgs(Map<String, String> overrides) {
    Map<String, String> all = new LinkedHashMap<>(values);
    all.putAll(overrides);
    List<String> out = new ArrayList<>();
    all.forEach(
        (k, v) -> {
          out.add("--" + k);
          out.add(v);
        });
    return out;
  }

  public List<Double> doubles(String name) {
    List<Double> out = new ArrayList<>();
    for (String s : get(name).split(",")) {
      if (!s.isBlank()) {
        out.add(Double.parseDouble(s.trim()));
      }
    }
    return out;
  }

  /** Source addresses: {@code 127.0.0.2-127.0.0.9} or {@code a,b,c}; all must be loopback. */
  public List<InetAddress> sources() {
    String spec = get("sources");
    List<InetAddress> out = new ArrayList<>();
    try {
      if (spec.isBlank()) {
        return out;
      }
      if (spec.contains("-")) {
        String[] ends = spec.split("-");
        byte[] from = InetAddress.getByName(ends[0]).getAddress();
        byte[] to = InetAddress.getByName(ends[1]).getAddress();
        for (int last = from[3] & 0xff; last <= (to[3] & 0xff); last++) {
          byte[] a = from.clone();
          a[3] = (byte) last;
          out.add(InetAddress.getByAddress(a));
        }
      } else {
        for (String s : spec.split(",")) {
          out.add(InetAddress.getByName(s.trim()));
        }
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("bad --sources " + spec, e);
    }
    for (InetAddress a : out) {
      if (!a.isLoopbackAddress()) {
        throw new IllegalArgumentException("--sources must be loopback addresses: " + a);
      }
    }
    return out;
  }
}
