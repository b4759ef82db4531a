package io.meerkat.cets.cluster;

import static io.meerkat.cets.cluster.ClusterChecks.SETTLE;
import static io.meerkat.cets.cluster.ClusterChecks.awaitContents;
import static io.meerkat.cets.cluster.ClusterChecks.awaitJoined;
import static org.awaitility.Awaitility.await;

import io.meerkat.testkit.JvmProcesses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Netsplits simulated with the handshake gate between node processes: the links are cut while the
 * processes keep running, and the gate refuses reconnects until the split heals.
 */
class MultiProcessNetsplitTest {

  @RegisterExtension final JvmProcesses processes = new JvmProcesses();

  @TempDir Path dir;

  @Test
  void afterAHealedNetsplitEveryTableConvergesWithEachOwnedRecordExactlyOnce() {
    LocalCluster cluster = new LocalCluster(processes, dir);
    cluster.writeNodeList("n1", "n2", "n3");
    List<NodeProcess> nodes = cluster.startAll("n1", "n2", "n3");
    awaitJoined(nodes, "n1", "n2", "n3");
    List<String> kv = new ArrayList<>();
    List<String> bag = new ArrayList<>();
    for (NodeProcess node : nodes) {
      write(node, "before", kv, bag);
    }
    NodeProcess n1 = nodes.get(0);
    NodeProcess n3 = nodes.get(2);

    n3.call("block n1");
    n3.call("block n2");
    awaitMembers(n3, "n3");
    awaitMembers(n1, "n1,n2");
    write(n1, "split", kv, bag);
    write(n3, "split", kv, bag);
    awaitContents(
        nodes.subList(0, 2), "kv", kv.stream().filter(r -> !r.startsWith("n3-split")).toList());
    n3.call("unblock n1");
    n3.call("unblock n2");

    awaitJoined(nodes, "n1", "n2", "n3");
    awaitContents(nodes, "kv", kv);
    awaitContents(nodes, "bag", bag);
  }

  @Test
  void aPartialNetsplitEndsInFullyMeshedGroupsThatMergeBackAfterHealing() {
    LocalCluster cluster = new LocalCluster(processes, dir);
    cluster.writeNodeList("n1", "n2", "n3");
    List<NodeProcess> nodes = cluster.startAll("n1", "n2", "n3");
    awaitJoined(nodes, "n1", "n2", "n3");
    List<String> kv = new ArrayList<>();
    List<String> bag = new ArrayList<>();
    NodeProcess n1 = nodes.get(0);
    NodeProcess n2 = nodes.get(1);

    // only the n1-n2 link is cut; n3 still reaches both
    n1.call("block n2");
    awaitNotMembers(n1, "n2");
    awaitNotMembers(n2, "n1");
    for (NodeProcess node : nodes) {
      write(node, "split", kv, bag);
    }
    n1.call("unblock n2");

    awaitJoined(nodes, "n1", "n2", "n3");
    awaitContents(nodes, "kv", kv);
    awaitContents(nodes, "bag", bag);
  }

  /**
   * Writes records owned by {@code node}: keys {@code <node>-<phase>-<i>} in kv, values {@code
   * <node>-<phase>} under one shared bag key.
   */
  private static void write(NodeProcess node, String phase, List<String> kv, List<String> bag) {
    String owner = node.name() + "-" + phase;
    node.call("fill kv " + owner + " 5");
    for (int i = 0; i < 5; i++) {
      kv.add(owner + "-" + i + "=" + node.name());
    }
    node.call("insert bag members " + owner);
    bag.add("members=" + owner);
  }

  /** Waits until neither table of {@code node} lists {@code peer} as a member. */
  private static void awaitNotMembers(NodeProcess node, String peer) {
    await()
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> !node.list("nodes kv").contains(peer) && !node.list("nodes bag").contains(peer));
  }

  private static void awaitMembers(NodeProcess node, String members) {
    await()
        .atMost(SETTLE)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> node.call("nodes kv").equals(members) && node.call("nodes bag").equals(members));
  }
}
