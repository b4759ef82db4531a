package io.meerkat.cets.cluster;

import static io.meerkat.cets.cluster.ClusterChecks.awaitContents;
import static io.meerkat.cets.cluster.ClusterChecks.awaitJoined;

import io.meerkat.cets.discovery.RdbmsDiscoveryBackend;
import io.meerkat.testkit.JvmProcesses;
import io.meerkat.testkit.PostgresDatabase;
import io.meerkat.testkit.PostgresExtension;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Node processes finding each other through the {@code discovery_nodes} table on a real PostgreSQL:
 * each binds a free port and publishes the address it got.
 */
@ExtendWith(PostgresExtension.class)
class RdbmsDiscoveryClusterTest {

  @RegisterExtension final JvmProcesses processes = new JvmProcesses();

  private final PostgresDatabase db;

  RdbmsDiscoveryClusterTest(PostgresDatabase db) throws SQLException, IOException {
    this.db = db;
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(db.jdbcUrl());
    dataSource.setUser(db.username());
    dataSource.setPassword(db.password());
    RdbmsDiscoveryBackend.createSchema(dataSource);
  }

  @Test
  void nodesRegisteredInTheDatabaseFormOneClusterWithoutKnowingEachOthersPorts() {
    List<NodeProcess> nodes = new ArrayList<>();
    for (String name : List.of("n2", "n3", "n1")) {
      nodes.add(
          new NodeProcess(
              name,
              processes.start(
                  name,
                  ClusterNodeMain.class,
                  LocalCluster.JVM_OPTIONS,
                  Map.of(
                      "cets.node",
                      name,
                      "cets.port",
                      "0",
                      "cets.discovery",
                      "rdbms:" + db.jdbcUrl(),
                      "cets.db.user",
                      db.username(),
                      "cets.db.password",
                      db.password(),
                      "cets.heartbeat",
                      LocalCluster.HEARTBEAT),
                  List.of())));
    }
    nodes.forEach(NodeProcess::awaitReady);

    awaitJoined(nodes, "n1", "n2", "n3");
    nodes.get(0).call("insert kv k2 n2");
    nodes.get(2).call("insert bag group n1");

    awaitContents(nodes, "kv", List.of("k2=n2"));
    awaitContents(nodes, "bag", List.of("group=n1"));
  }
}
