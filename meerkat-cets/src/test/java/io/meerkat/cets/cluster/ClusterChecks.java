package io.meerkat.cets.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Waits on the state of node processes. */
final class ClusterChecks {

  /** Bound of every wait for the cluster to settle (joins, reconnects, convergence). */
  static final Duration SETTLE = Duration.ofSeconds(60);

  private ClusterChecks() {}

  /**
   * Waits until every node reports exactly {@code names} as joined (systemInfo) and as the members
   * of every table.
   */
  static void awaitJoined(List<NodeProcess> nodes, String... names) {
    String expected = String.join(",", names);
    await()
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () -> {
              for (NodeProcess node : nodes) {
                assertThat(field(node.call("systemInfo"), "joined"))
                    .as("joined nodes seen by %s", node)
                    .isEqualTo(expected);
                for (String table : NodeCommands.TABLES) {
                  assertThat(node.call("nodes " + table))
                      .as("members of %s seen by %s", table, node)
                      .isEqualTo(expected);
                }
              }
            });
  }

  /**
   * Waits until {@code table} holds exactly the records {@code expected} on every node, each once
   * (in any order: a bag's records of one key may be stored in different orders on different
   * nodes).
   */
  static void awaitContents(List<NodeProcess> nodes, String table, List<String> expected) {
    await()
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () -> {
              for (NodeProcess node : nodes) {
                assertThat(node.list("dump " + table))
                    .as("%s on %s", table, node)
                    .containsExactlyInAnyOrderElementsOf(expected);
              }
            });
  }

  /** One field of a systemInfo answer ({@code name=a,b,c}). */
  static String field(String systemInfo, String name) {
    Matcher m = Pattern.compile("(?:^| )" + name + "=(\\S*)").matcher(systemInfo);
    assertThat(m.find()).as("%s in %s", name, systemInfo).isTrue();
    return m.group(1);
  }
}
