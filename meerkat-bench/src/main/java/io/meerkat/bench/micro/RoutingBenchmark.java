package io.meerkat.bench.micro;

import io.meerkat.server.hooks.Hooks;
import io.meerkat.server.router.IqHandlers;
import io.meerkat.server.router.LocalRouter;
import io.meerkat.server.sm.LocalSessionTable;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.server.sm.SessionHandle;
import io.meerkat.server.sm.SessionManager;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.StreamError;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The routing decision for a chat message between local users: {@link LocalRouter} over a session
 * table holding {@code sessions} available sessions, to a full JID and to a bare JID (RFC 6121 §8.5
 * selection). Delivery ends at the session handle, which only counts.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class RoutingBenchmark {

  @Param({"1000", "100000"})
  public int sessions;

  private LocalRouter router;
  private Jid from;
  private Jid toFull;
  private Jid toBare;
  private XmlElement message;
  private long delivered;

  private final class CountingHandle implements SessionHandle {
    private final SessionEntry entry;

    CountingHandle(SessionEntry entry) {
      this.entry = entry;
    }

    @Override
    public SessionEntry entry() {
      return entry;
    }

    @Override
    public void deliver(XmlElement stanza) {
      delivered++;
    }

    @Override
    public void close(StreamError reason) {}

    @Override
    public CompletableFuture<Void> closed() {
      return new CompletableFuture<>();
    }
  }

  @Setup
  public void fillSessionTable() {
    Hooks hooks = new Hooks();
    SessionManager manager =
        new SessionManager("bench@localhost", new LocalSessionTable(), hooks, Duration.ZERO);
    XmlElement presence = XmlElement.empty("presence", "jabber:client");
    for (int i = 0; i < sessions; i++) {
      SessionEntry entry =
          new SessionEntry(
              Jid.of("user" + i, "localhost", "res"),
              manager.newSessionId(),
              0,
              null,
              System.currentTimeMillis(),
              "bench");
      manager.open(new CountingHandle(entry));
      manager.updatePresence(entry.withPresence(presence, 0));
    }
    router = new LocalRouter(Set.of("localhost"), manager, new IqHandlers(), hooks, jid -> true);
    from = Jid.of("user1", "localhost", "res");
    toFull = Jid.of("user" + (sessions / 2), "localhost", "res");
    toBare = Jid.bare("user" + (sessions / 3), "localhost");
    message =
        XmlElement.builder("message", "jabber:client")
            .attribute("from", from.toString())
            .attribute("to", toFull.toString())
            .attribute("type", "chat")
            .textChild("body", "hello")
            .build();
  }

  @Benchmark
  public long routeToFullJid() {
    router.route(from, toFull, message);
    return delivered;
  }

  @Benchmark
  public long routeToBareJid() {
    router.route(from, toBare, message);
    return delivered;
  }
}
