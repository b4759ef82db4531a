package io.meerkat.cets.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.meerkat.cets.CetsNode;
import io.meerkat.cets.CetsTable;
import io.meerkat.cets.Entry;
import io.meerkat.cets.TestCluster;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDiscoveryTest {

  private final TestCluster cluster = new TestCluster();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    cluster.close();
  }

  private Path nodeFile(String... names) throws IOException {
    Path file = dir.resolve("nodes.txt");
    List<String> lines = new ArrayList<>();
    lines.add("# the cluster");
    for (String name : names) {
      lines.add(name + " " + name + ":9100");
    }
    Files.write(file, lines);
    return file;
  }

  private List<CetsDiscovery> discover(Path file, CetsNode... nodes) {
    List<CetsDiscovery> all = new ArrayList<>();
    for (CetsNode node : nodes) {
      all.add(node.startDiscovery(new FileDiscoveryBackend(file), Fast.options()));
    }
    return all;
  }

  @Test
  void theFileFormatHasNamesAddressesAndComments() throws IOException {
    Path file = dir.resolve("n.txt");
    Files.writeString(file, "a host1:9100  # first\n\n  b [::1]:9200\nc\n");
    assertThat(new FileDiscoveryBackend(file).getNodes())
        .containsExactly(
            new DiscoveredNode("a", InetSocketAddress.createUnresolved("host1", 9100)),
            new DiscoveredNode("b", InetSocketAddress.createUnresolved("::1", 9200)),
            new DiscoveredNode("c", null));
  }

  @Test
  void aMalformedLineIsReportedWithItsLineNumber() throws IOException {
    Path file = dir.resolve("n.txt");
    Files.writeString(file, "a host1:9100\nb host2:notaport\n");
    assertThatThrownBy(() -> new FileDiscoveryBackend(file).getNodes())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("n.txt:2");
  }

  @Test
  void nodesListedInTheFileConnectJoinTheirTablesAndBecomeReady() throws IOException {
    List<CetsNode> nodes = cluster.start("a", "b", "c");
    List<CetsTable<String, Entry>> tables = new ArrayList<>();
    nodes.forEach(n -> tables.add(n.startTable(Entry.table("t").build())));
    tables.get(0).insert(new Entry("k", "v"));
    List<CetsDiscovery> discos = discover(nodeFile("a", "b", "c"), nodes.toArray(CetsNode[]::new));
    discos.forEach(d -> d.waitForReady().join());
    await().until(() -> tables.stream().allMatch(t -> t.nodes().size() == 3));
    assertThat(tables.get(2).lookup("k")).containsExactly(new Entry("k", "v"));
    assertThat(discos.get(0).info().join().verifyReady()).isEmpty();
  }

  @Test
  void aTableStartedAfterDiscoveryIsJoinedToo() throws IOException {
    List<CetsNode> nodes = cluster.start("a", "b");
    List<CetsDiscovery> discos = discover(nodeFile("a", "b"), nodes.toArray(CetsNode[]::new));
    discos.forEach(d -> d.waitForReady().join());
    CetsTable<String, Entry> ta = nodes.get(0).startTable(Entry.table("late").build());
    CetsTable<String, Entry> tb = nodes.get(1).startTable(Entry.table("late").build());
    await().until(() -> ta.nodes().size() == 2 && tb.nodes().size() == 2);
    assertThat(discos.get(0).info().join().tables()).containsExactly("late");
  }

  @Test
  void addingATableTwiceTracksItOnceAndDeletingIsIdempotent() throws IOException {
    CetsNode a = cluster.start("a");
    CetsDiscovery disco = discover(nodeFile("a"), a).get(0);
    disco.addTable("x");
    disco.addTable("x");
    assertThat(disco.info().join().tables()).containsExactly("x");
    disco.deleteTable("x");
    disco.deleteTable("x");
    disco.deleteTable("unknown");
    assertThat(disco.info().join().tables()).isEmpty();
  }

  @Test
  void aMissingFileIsRetriedAfterErrorsUntilItAppears() throws IOException {
    List<CetsNode> nodes = cluster.start("a", "b");
    nodes.forEach(n -> n.startTable(Entry.table("t").build()));
    Path file = dir.resolve("later.txt");
    List<CetsDiscovery> discos = new ArrayList<>();
    nodes.forEach(
        n -> discos.add(n.startDiscovery(new FileDiscoveryBackend(file), Fast.options())));
    await().until(() -> discos.get(0).info().join().retryType() == RetryType.AFTER_ERROR);
    assertThat(discos.get(0).info().join().lastGetNodesOk()).isFalse();
    Files.write(file, List.of("a a:9100", "b b:9100"));
    discos.forEach(d -> d.waitForReady().join());
    await()
        .until(
            () ->
                nodes.get(0).table("t").orElseThrow().nodes().size() == 2
                    && discos.get(0).info().join().lastGetNodesOk());
  }

  @Test
  void anUnreachableNodeIsListedUnavailableWithoutBlockingReadiness() throws IOException {
    List<CetsNode> nodes = cluster.start("a", "b");
    nodes.forEach(n -> n.startTable(Entry.table("t").build()));
    Path file = nodeFile("a", "b", "ghost");
    List<CetsDiscovery> discos = discover(file, nodes.toArray(CetsNode[]::new));
    discos.forEach(d -> d.waitForReady().join());
    assertThat(discos.get(0).info().join().unavailableNodes()).containsExactly("ghost");
    await().until(() -> nodes.get(0).table("t").orElseThrow().nodes().size() == 2);
  }

  @Test
  void aNodeThatWentDownIsUnavailableAndRejoinsWhenItIsBack() throws IOException {
    List<CetsNode> nodes = cluster.start("a", "b");
    nodes.forEach(n -> n.startTable(Entry.table("t").build()));
    Path file = nodeFile("a", "b");
    CetsDiscovery da = discover(file, nodes.get(0)).get(0);
    discover(file, nodes.get(1));
    da.waitForReady().join();
    cluster.network().partition("a", "b");
    await().until(() -> da.info().join().unavailableNodes().contains("b"));
    cluster.network().heal("a", "b");
    // The after_nodedown poll (100 ms here) reconnects and rejoins.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                da.info().join().unavailableNodes().isEmpty()
                    && nodes.get(0).table("t").orElseThrow().nodes().size() == 2);
  }

  @Test
  void aCustomBackendDrivesJoining() {
    List<CetsNode> nodes = cluster.start("a", "b");
    nodes.forEach(n -> n.startTable(Entry.table("t").build()));
    DiscoveryBackend backend =
        () ->
            List.of(
                new DiscoveredNode("a", InetSocketAddress.createUnresolved("a", 9100)),
                new DiscoveredNode("b", InetSocketAddress.createUnresolved("b", 9100)));
    CetsDiscovery disco = nodes.get(0).startDiscovery(backend, Fast.options());
    disco.waitForReady().join();
    assertThat(nodes.get(1).table("t").orElseThrow().nodes()).hasSize(2);
    assertThat(disco.info().join().joinResults().get("b/t")).isIn("ok", "already_joined");
  }

  @Test
  void waitForGetNodesReturnsAtOnceWhenIdleAndWaitsForARunningCall() throws Exception {
    CetsNode a = cluster.start("a");
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch blocking = new CountDownLatch(1);
    DiscoveryBackend backend =
        () -> {
          if (calls.incrementAndGet() == 2) {
            blocking.countDown();
            release.await();
          }
          return List.of(new DiscoveredNode("a", null));
        };
    CetsDiscovery disco = a.startDiscovery(backend, Fast.options());
    disco.waitForReady().join();
    blocking.await();
    CompletableFuture<Void> waiting = disco.waitForGetNodes();
    disco.checkNow();
    assertThat(waiting).isNotDone();
    release.countDown();
    waiting.join();
    // The check made during the blocked call forced one more call.
    await().until(() -> calls.get() >= 3);
  }

  @Test
  void theRegularPhaseUsesTheRegularIntervalAndARecentNodedownTheShortOne() throws IOException {
    List<CetsNode> nodes = cluster.start("a", "b");
    Path file = nodeFile("a", "b");
    CetsDiscovery da =
        nodes
            .get(0)
            .startDiscovery(new FileDiscoveryBackend(file), Fast.regular(Duration.ofSeconds(1)));
    nodes.get(1).startDiscovery(new FileDiscoveryBackend(file), Fast.options());
    da.waitForReady().join();
    await().until(() -> da.info().join().retryType() == RetryType.REGULAR);
    assertThat(da.info().join().phase()).isEqualTo("regular");
    cluster.kill("b");
    await().until(() -> da.info().join().retryType() == RetryType.AFTER_NODEDOWN);
    // Once the node-down is no longer recent, back to regular.
    await().until(() -> da.info().join().retryType() == RetryType.REGULAR);
  }

  @Test
  void aNodeupTriggersAPoll() throws IOException {
    List<CetsNode> nodes = cluster.start("a", "b");
    AtomicInteger calls = new AtomicInteger();
    FileDiscoveryBackend file = new FileDiscoveryBackend(nodeFile("a"));
    CetsDiscovery da =
        nodes
            .get(0)
            .startDiscovery(
                () -> {
                  calls.incrementAndGet();
                  return file.getNodes();
                },
                Fast.regular(Duration.ofMillis(1)));
    da.waitForReady().join();
    await().until(() -> da.info().join().retryType() == RetryType.REGULAR);
    int before = calls.get();
    cluster.connect(nodes.get(1), nodes.get(0));
    await().until(() -> calls.get() > before);
  }
}
