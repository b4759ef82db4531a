package io.meerkat.cets.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.testkit.JvmProcess;
import io.meerkat.testkit.JvmProcesses;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Transport nodes in separate JVMs: a real mesh, a real {@code kill -9}, a real frozen process. */
class MultiProcessTransportTest {

  private static final Duration START = Duration.ofSeconds(60);
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(2);

  @RegisterExtension final JvmProcesses processes = new JvmProcesses();

  private record Node(String name, JvmProcess process, String address) {}

  private Node start(String name) {
    JvmProcess process =
        processes.start(
            name,
            TransportNodeMain.class,
            List.of("-Xmx96m", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED"),
            Map.of(
                "cets.heartbeat.ms",
                "250",
                "cets.heartbeat.timeout.ms",
                Long.toString(HEARTBEAT_TIMEOUT.toMillis())),
            List.of(name));
    String address = process.awaitLine("^EVENT listening (\\S+)", START).group(1);
    return new Node(name, process, address);
  }

  private static void connect(Node from, Node to) {
    from.process().send("connect " + to.address());
    from.process().awaitLine("^EVENT connected " + to.name() + "$", WAIT);
  }

  private List<Node> meshOfThree() {
    Node n1 = start("n1");
    Node n2 = start("n2");
    Node n3 = start("n3");
    connect(n1, n2);
    connect(n1, n3);
    connect(n2, n3);
    for (Node node : List.of(n1, n2, n3)) {
      for (Node other : List.of(n1, n2, n3)) {
        if (other != node) {
          node.process().awaitLine("^EVENT up " + other.name() + "$", WAIT);
        }
      }
    }
    return List.of(n1, n2, n3);
  }

  @Test
  void threeNodesInSeparateJvmsFormAMeshAndExchangeMessages() {
    List<Node> nodes = meshOfThree();
    Node n1 = nodes.get(0);
    Node n3 = nodes.get(2);

    n1.process().send("send n3 hello from one");
    n3.process().send("send n1 hello from three");

    n3.process().awaitLine("^EVENT recv n1 hello from one$", WAIT);
    n1.process().awaitLine("^EVENT recv n3 hello from three$", WAIT);
  }

  @Test
  void whenANodeIsKilledTheOthersSeeItDownWithinTheHeartbeatTimeout() {
    List<Node> nodes = meshOfThree();
    Node n3 = nodes.get(2);

    long killedAt = System.nanoTime();
    n3.process().kill();

    nodes.get(0).process().awaitLine("^EVENT down n3 ", HEARTBEAT_TIMEOUT.plusSeconds(1));
    nodes.get(1).process().awaitLine("^EVENT down n3 ", HEARTBEAT_TIMEOUT.plusSeconds(1));
    assertThat(Duration.ofNanos(System.nanoTime() - killedAt))
        .isLessThan(HEARTBEAT_TIMEOUT.plusSeconds(1));
    nodes.get(0).process().send("send n2 still here");
    nodes.get(1).process().awaitLine("^EVENT recv n1 still here$", WAIT);
  }

  @Test
  void aFrozenNodeIsReportedDownByHeartbeatTimeoutAndCanLinkAgainAfterThaw() {
    List<Node> nodes = meshOfThree();
    Node n1 = nodes.get(0);
    Node n3 = nodes.get(2);

    n3.process().pause();
    try {
      n1.process().awaitLine("^EVENT down n3 heartbeat timeout$", HEARTBEAT_TIMEOUT.plusSeconds(2));
      nodes.get(1).process().awaitLine("^EVENT down n3 heartbeat timeout$", WAIT);
    } finally {
      n3.process().resume();
    }

    n3.process().awaitLine("^EVENT down n1 ", WAIT);
    connect(n3, n1);
    n1.process().awaitLine("^EVENT up n3$", WAIT);
  }
}
