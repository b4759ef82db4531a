package io.meerkat.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.meerkat.server.e2e.OngresScramMechanism;
import io.meerkat.server.testing.GraphqlClient;
import io.meerkat.testkit.JvmProcesses;
import io.meerkat.testkit.PostgresDatabase;
import io.meerkat.testkit.PostgresExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.awaitility.core.ConditionTimeoutException;
import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StreamError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three (then four) Meerkat nodes in separate JVMs form one cluster by themselves and serve users
 * as one server; the steps run in order on one cluster, as an operator would see it live.
 *
 * <p>Bound for a killed node: its users appear offline to their contacts and their messages go to
 * offline storage within {@link #NODE_LOSS_BOUND} (a killed process's sockets are closed by its
 * kernel, so the loss is seen at once; the rest is the cleanup).
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
abstract class ClusterEndToEndTest {

  static final Duration NODE_LOSS_BOUND = Duration.ofSeconds(10);
  private static final Duration FORMATION = Duration.ofSeconds(90);

  private final JvmProcesses processes = new JvmProcesses();
  private final List<ClusterClient> clients = new ArrayList<>();
  ServerCluster cluster;
  private ClusterClient carol;
  private PostgresDatabase database;

  abstract ServerCluster.Discovery discovery();

  @BeforeAll
  void startCluster(PostgresDatabase database, @TempDir Path root) {
    SASLAuthentication.registerSASLMechanism(new OngresScramMechanism("SCRAM-SHA-256"));
    this.database = database;
    cluster = new ServerCluster(processes, database, root, discovery());
  }

  @AfterAll
  void stopCluster() {
    clients.forEach(ClusterClient::close);
    processes.closeAll();
  }

  @Test
  @Order(1)
  void nodesStartedInAnyOrderFormOneClusterWithoutAJoinCommand() {
    cluster.start("node3", false);
    cluster.start("node1", false);
    cluster.start("node2", false);
    awaitJoined(List.of("node1", "node2", "node3"));
    for (String user : List.of("alice", "bob", "carol", "dave")) {
      assertThat(
              admin("node1")
                  .query(
                      "mutation {account {registerUser(domain: \"localhost\", username: \""
                          + user
                          + "\", password: \""
                          + user
                          + "-pw\") {message}}}")
                  .errorCode())
          .isEmpty();
    }
    assertThat(
            admin("node2")
                .query(
                    "mutation {roster {setMutualSubscription(userA: \"alice@localhost\","
                        + " userB: \"bob@localhost\", action: CONNECT)}}")
                .errorCode())
        .isEmpty();
  }

  @Test
  @Order(2)
  void usersOnDifferentNodesExchangeMessagesAndPresence() throws Exception {
    ClusterClient alice = login("node1", "alice", "laptop");
    ClusterClient bob = login("node2", "bob", "phone");
    await().until(() -> alice.lastPresenceFrom("bob@localhost", Presence::isAvailable));
    await().until(() -> bob.lastPresenceFrom("alice@localhost", Presence::isAvailable));
    alice.send("bob@localhost/phone", "hello from node1");
    bob.send("alice@localhost", "hello from node2");
    await().until(() -> bob.gotMessage("hello from node1"));
    await().until(() -> alice.gotMessage("hello from node2"));
  }

  @Test
  @Order(3)
  void aBareJidMessageReachesResourcesOnTwoNodes() throws Exception {
    ClusterClient bobOnNode3 = login("node3", "bob", "tablet");
    await().until(() -> countUserResources("node1", "bob@localhost") == 2);
    clients.get(0).send("bob@localhost", "to every bob");
    await().until(() -> clients.get(1).gotMessage("to every bob"));
    await().until(() -> bobOnNode3.gotMessage("to every bob"));
    bobOnNode3.close();
    await().until(() -> countUserResources("node1", "bob@localhost") == 1);
  }

  @Test
  @Order(4)
  void aNewSessionReplacesTheSameResourceOnAnotherNode() throws Exception {
    ClusterClient old = login("node3", "carol", "desk");
    ClusterClient replacing = login("node1", "carol", "desk");
    carol = replacing;
    await().until(() -> old.closedWith() == StreamError.Condition.conflict);
    assertThat(replacing.connected()).isTrue();
    for (String node : List.of("node1", "node2", "node3")) {
      await().until(() -> countUserResources(node, "carol@localhost") == 1);
    }
  }

  @Test
  @Order(5)
  void aKilledNodesUsersGoOfflineAndTheirMessagesAreStored() throws Exception {
    ClusterClient alice = clients.get(0);
    long killedAt = System.nanoTime();
    cluster.kill("node2");
    await()
        .atMost(NODE_LOSS_BOUND)
        .until(() -> alice.lastPresenceFrom("bob@localhost", p -> !p.isAvailable()));
    await().atMost(NODE_LOSS_BOUND).until(() -> countUserResources("node1", "bob@localhost") == 0);
    Duration seen = Duration.ofNanos(System.nanoTime() - killedAt);
    assertThat(seen).isLessThan(NODE_LOSS_BOUND);
    alice.send("bob@localhost", "while you were away");
    await().until(() -> metric("node1", "mod_offline_messages_stored_total") >= 1);
    // One survivor cleaned up each lost session (node2 held bob/phone).
    await()
        .until(
            () ->
                metric("node1", "sm_session_cleanups_total")
                        + metric("node3", "sm_session_cleanups_total")
                    >= 1);
    ClusterClient bobBack = login("node3", "bob", "phone");
    await().until(() -> bobBack.gotMessage("while you were away"));
  }

  @Test
  @Order(6)
  void theKilledNodeRestartedWithAnEmptyDataDirectoryRejoinsByItself() {
    cluster.start("node2", true);
    awaitJoined(List.of("node1", "node2", "node3"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                cluster.metrics("node2").contains("cets_info_joined_nodes 3.0")
                    && cluster.metrics("node2").contains("cets_info_discovery_works 1.0"));
  }

  @Test
  @Order(7)
  void aFourthNodeStartedLaterJoins() throws Exception {
    cluster.start("node4", false);
    awaitJoined(List.of("node1", "node2", "node3", "node4"));
    ClusterClient daveOnNode4 = login("node4", "dave", "watch");
    clients.get(0).send("dave@localhost/watch", "welcome node4");
    await().until(() -> daveOnNode4.gotMessage("welcome node4"));
  }

  @Test
  @Order(8)
  void aHealedNetsplitLeavesNoDuplicateOrStaleSessions() throws Exception {
    ClusterClient daveOld = clients.get(clients.size() - 1);
    ClusterClient carolOnNode1 = carol;
    cluster.process("node4").pause();
    try {
      // The others see node4 go (heartbeat timeout) and remove its sessions.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> countUserResources("node1", "dave@localhost") == 0);
      login("node1", "dave", "watch");
      // A session that ends during the split must not come back from node4's copy.
      carolOnNode1.close();
      await().until(() -> countUserResources("node1", "carol@localhost") == 0);
    } finally {
      cluster.process("node4").resume();
    }
    awaitJoined(List.of("node1", "node2", "node3", "node4"));
    await().atMost(FORMATION).until(() -> daveOld.closedWith() == StreamError.Condition.conflict);
    for (String node : List.of("node1", "node2", "node3", "node4")) {
      await()
          .atMost(FORMATION)
          .until(() -> userSessionNodes(node, "dave@localhost").equals(List.of("node1")));
    }
    for (String node : List.of("node1", "node2", "node3", "node4")) {
      await().until(() -> countUserResources(node, "carol@localhost") == 0);
    }
    long sessions = countSessions("node1");
    for (String node : List.of("node2", "node3", "node4")) {
      await().until(() -> countSessions(node) == sessions);
    }
  }

  ClusterClient login(String node, String user, String resource) throws Exception {
    ClusterClient client = ClusterClient.login(cluster.ports(node).c2s(), user, resource);
    clients.add(client);
    return client;
  }

  PostgresDatabase database() {
    return database;
  }

  GraphqlClient admin(String node) {
    return cluster.admin(node);
  }

  /** Waits until every node is ready and its systemInfo shows exactly these nodes joined. */
  void awaitJoined(List<String> nodes) {
    for (String node : nodes) {
      try {
        await()
            .atMost(FORMATION)
            .pollInterval(Duration.ofMillis(500))
            .until(() -> cluster.ready(node) && joinedNodes(node).equals(nodes));
      } catch (ConditionTimeoutException e) {
        throw new AssertionError(
            node
                + " did not see "
                + nodes
                + " joined within "
                + FORMATION
                + ":\n"
                + cluster.report(),
            e);
      }
    }
  }

  List<String> joinedNodes(String node) {
    JsonNode info =
        admin(node)
            .query("{cets {systemInfo {joinedNodes discoveryWorks}}}")
            .data("cets/systemInfo");
    return StreamSupport.stream(info.path("joinedNodes").spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }

  /** A metric's value on a node's /metrics, 0 when absent. */
  double metric(String node, String series) {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.Ee+-]+)$")
            .matcher(cluster.metrics(node));
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  int countUserResources(String node, String user) {
    return admin(node)
        .query(
            "query($user: JID!) {session {countUserResources(user: $user)}}", Map.of("user", user))
        .data("session/countUserResources")
        .asInt(-1);
  }

  long countSessions(String node) {
    return admin(node).query("{session {countSessions}}").data("session/countSessions").asLong(-1);
  }

  /** The nodes of a user's sessions as one node's session table has them. */
  List<String> userSessionNodes(String node, String user) {
    JsonNode sessions =
        admin(node)
            .query(
                "query($user: JID!) {session {listUserSessions(user: $user) {node}}}",
                Map.of("user", user))
            .data("session/listUserSessions");
    return StreamSupport.stream(sessions.spliterator(), false)
        .map(s -> s.path("node").asText())
        .toList();
  }
}
