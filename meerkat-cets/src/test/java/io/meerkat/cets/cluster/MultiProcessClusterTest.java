package io.meerkat.cets.cluster;

import static io.meerkat.cets.cluster.ClusterChecks.SETTLE;
import static io.meerkat.cets.cluster.ClusterChecks.awaitContents;
import static io.meerkat.cets.cluster.ClusterChecks.awaitJoined;
import static io.meerkat.cets.cluster.ClusterChecks.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.meerkat.testkit.JvmProcesses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes in separate JVMs over the Netty transport, finding each other through a node-list file:
 * cluster formation without any join command, replication between processes, node-list edits.
 */
class MultiProcessClusterTest {

  @RegisterExtension final JvmProcesses processes = new JvmProcesses();

  @TempDir Path dir;

  @Test
  void threeNodesStartedInAnyOrderFormOneClusterAndSeeEachOthersWrites() {
    LocalCluster cluster = new LocalCluster(processes, dir);
    cluster.writeNodeList("n1", "n2", "n3");
    List<NodeProcess> nodes = cluster.startAll("n3", "n1", "n2");

    awaitJoined(nodes, "n1", "n2", "n3");
    nodes.get(0).call("insert kv from-n3 v3");
    nodes.get(1).call("insert kv from-n1 v1");
    nodes.get(2).call("insert kv from-n2 v2");
    nodes.get(2).call("insert bag group n2");
    nodes.get(0).call("insert bag group n3");
    nodes.get(1).call("delete kv from-n3");

    awaitContents(nodes, "kv", List.of("from-n1=v1", "from-n2=v2"));
    awaitContents(nodes, "bag", List.of("group=n2", "group=n3"));
  }

  @Test
  void aNodeStartedLaterJoinsOnceItsNodeListIsEditedAndTheOthersPickUpTheirEditedList() {
    LocalCluster cluster = new LocalCluster(processes, dir);
    cluster.writeNodeList("n1", "n2", "n3");
    List<NodeProcess> nodes = new ArrayList<>(cluster.startAll("n1", "n2", "n3"));
    awaitJoined(nodes, "n1", "n2", "n3");
    nodes.get(0).call("insert kv early n1");
    Path ownList = dir.resolve("n4-nodes.txt");
    cluster.writeNodeList(ownList, "n4");
    NodeProcess n4 = cluster.start("n4", ownList);
    n4.awaitReady();
    await().atMost(SETTLE).until(() -> field(n4.call("systemInfo"), "discovered").equals("n4"));
    assertThat(n4.call("nodes kv")).isEqualTo("n4");

    cluster.writeNodeList(ownList, "n1", "n2", "n3", "n4");
    cluster.writeNodeList("n1", "n2", "n3", "n4");
    nodes.add(n4);

    awaitJoined(nodes, "n1", "n2", "n3", "n4");
    await()
        .atMost(SETTLE)
        .untilAsserted(
            () -> {
              for (NodeProcess node : nodes) {
                assertThat(field(node.call("systemInfo"), "discovered"))
                    .as("discovered by %s", node)
                    .isEqualTo("n1,n2,n3,n4");
              }
            });
    n4.call("insert kv late n4");
    awaitContents(nodes, "kv", List.of("early=n1", "late=n4"));
  }
}
