package io.meerkat.cets.cluster;

import static io.meerkat.cets.cluster.ClusterChecks.SETTLE;
import static io.meerkat.cets.cluster.ClusterChecks.awaitContents;
import static io.meerkat.cets.cluster.ClusterChecks.awaitJoined;
import static io.meerkat.cets.cluster.ClusterChecks.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meerkat.testkit.JvmProcesses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A node process killed with SIGKILL, or frozen with SIGSTOP, while the others keep working. */
class NodeLossTest {

  /**
   * The detection bound: a peer silent for the heartbeat timeout (2 s) is dropped at the next
   * heartbeat tick (every 250 ms). A killed process is usually seen at once (its kernel resets the
   * connection); a frozen one needs the heartbeats.
   */
  static final long DETECTION_BOUND_MILLIS = 2_250;

  /** Scheduling slack on a loaded 2-core machine (timer and thread wake-up delays). */
  static final long SLACK_MILLIS = 1_000;

  @RegisterExtension final JvmProcesses processes = new JvmProcesses();

  @TempDir Path dir;

  @Test
  void survivorsSeeAKilledNodeDownOnceWithinTheHeartbeatBoundAndItsRestartRejoinsWithTheData() {
    LocalCluster cluster = new LocalCluster(processes, dir);
    cluster.writeNodeList("n1", "n2", "n3");
    List<NodeProcess> nodes = cluster.startAll("n1", "n2", "n3");
    awaitJoined(nodes, "n1", "n2", "n3");
    for (NodeProcess node : nodes) {
      node.call("fill kv " + node.name() + " 5");
    }
    List<NodeProcess> survivors = nodes.subList(0, 2);

    long killedAt = System.currentTimeMillis();
    nodes.get(2).process().kill();

    for (NodeProcess survivor : survivors) {
      List<String> downs = awaitDowns(survivor, "n3", 2);
      assertThat(downs).as("handleDown of %s", survivor).hasSize(2);
      for (String down : downs) {
        long seenAfter = Long.parseLong(down.substring(down.indexOf('@') + 1)) - killedAt;
        assertThat(seenAfter).as(down).isLessThan(DETECTION_BOUND_MILLIS + SLACK_MILLIS);
      }
      assertThat(field(survivor.call("systemInfo"), "unavailable")).isEqualTo("n3");
    }
    nodes.get(0).call("insert kv after-kill n1");
    nodes.get(1).call("delete kv n1-0");
    List<String> expected = new ArrayList<>();
    expected.add("after-kill=n1");
    IntStream.range(1, 5).forEach(i -> expected.add("n1-" + i + "=n1"));
    IntStream.range(0, 5).forEach(i -> expected.add("n2-" + i + "=n2"));
    IntStream.range(0, 5).forEach(i -> expected.add("n3-" + i + "=n3"));
    awaitContents(survivors, "kv", expected);

    NodeProcess restarted = cluster.start("n3");
    restarted.awaitReady();
    List<NodeProcess> all = List.of(nodes.get(0), nodes.get(1), restarted);
    awaitJoined(all, "n1", "n2", "n3");
    awaitContents(all, "kv", expected);
    for (NodeProcess survivor : survivors) {
      assertThat(survivor.list("downs"))
          .as("handleDown of %s after the restart", survivor)
          .hasSize(2);
    }
  }

  @Test
  void aFrozenNodeIsDroppedWithinTheHeartbeatBoundAndRejoinsWhenItResumes() {
    LocalCluster cluster = new LocalCluster(processes, dir);
    cluster.writeNodeList("n1", "n2");
    List<NodeProcess> nodes = cluster.startAll("n1", "n2");
    awaitJoined(nodes, "n1", "n2");

    long frozenAt = System.currentTimeMillis();
    nodes.get(1).process().pause();
    List<String> downs = awaitDowns(nodes.get(0), "n2", 2);
    nodes.get(0).call("insert kv while-frozen n1");
    nodes.get(1).process().resume();

    for (String down : downs) {
      long seenAfter = Long.parseLong(down.substring(down.indexOf('@') + 1)) - frozenAt;
      assertThat(seenAfter)
          .as(down)
          .isGreaterThanOrEqualTo(1_750)
          .isLessThan(DETECTION_BOUND_MILLIS + SLACK_MILLIS);
    }
    awaitJoined(nodes, "n1", "n2");
    awaitContents(nodes, "kv", List.of("while-frozen=n1"));
    assertThat(nodes.get(0).list("downs")).as("handleDown of n1, once per table").hasSize(2);
  }

  /** Waits until {@code node}'s down handlers reported {@code count} losses of {@code peer}. */
  private static List<String> awaitDowns(NodeProcess node, String peer, int count) {
    return await()
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> node.list("downs").stream().filter(d -> d.contains(":" + peer + "@")).toList(),
            downs -> downs.size() >= count);
  }
}
