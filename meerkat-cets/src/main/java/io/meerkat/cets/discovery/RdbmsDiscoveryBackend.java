package io.meerkat.cets.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovery through the {@code discovery_nodes} table (DDL: {@link #SCHEMA_RESOURCE}). Every poll
 * is also this node's heartbeat:
 *
 * <ol>
 *   <li>read the database clock (the only clock used, so node clocks may drift);
 *   <li>read the rows of this cluster; the cluster name is suffixed with the replication protocol
 *       version ({@link #PROTOCOL_VERSION}), so incompatible nodes never see each other;
 *   <li>if this node has a row, refresh its timestamp and address; otherwise delete its row in any
 *       other cluster and insert one with the smallest free node number &ge; 1 (a concurrent insert
 *       taking the same number makes this round use number 0; the next poll retries);
 *   <li>delete the rows of other nodes not refreshed for {@code expireAfter} (1 hour by default); a
 *       node never deletes itself.
 * </ol>
 *
 * The answer is the rows read in step 2 minus the expired ones: a newly registered node sees itself
 * from its second poll on. Portable SQL only (PostgreSQL, H2).
 */
public final class RdbmsDiscoveryBackend implements DiscoveryBackend {

  /** Classpath resource with the table's DDL. */
  public static final String SCHEMA_RESOURCE = "/io/meerkat/cets/discovery/discovery_nodes.sql";

  /** Major.minor of the replication protocol; part of the stored cluster name. */
  public static final String PROTOCOL_VERSION = "1.0";

  private static final Logger LOG = LoggerFactory.getLogger(RdbmsDiscoveryBackend.class);

  private final DataSource dataSource;
  private final String clusterName;
  private final String nodeName;
  private final String address;
  private final long expireSeconds;
  private volatile int nodeNumber;

  private record Row(String name, int num, String address, long updated) {}

  /**
   * @param clusterName the configured cluster name (stored with the version suffix)
   * @param nodeName this node's name
   * @param address this node's published transport address ({@code host:port}, may be empty)
   * @param expireAfter how long another node's row survives without a heartbeat
   */
  public RdbmsDiscoveryBackend(
      DataSource dataSource,
      String clusterName,
      String nodeName,
      String address,
      Duration expireAfter) {
    this.dataSource = dataSource;
    this.clusterName = clusterName + "-" + PROTOCOL_VERSION;
    this.nodeName = nodeName;
    this.address = address == null ? "" : address;
    this.expireSeconds = expireAfter.toSeconds();
  }

  /** The stored cluster name, version suffix included. */
  public String storedClusterName() {
    return clusterName;
  }

  /** This node's number in the cluster (1, 2, ...), or 0 while unknown. */
  public int nodeNumber() {
    return nodeNumber;
  }

  /** Creates the table from {@link #SCHEMA_RESOURCE} (for tests and library users). */
  public static void createSchema(DataSource dataSource) throws SQLException, IOException {
    String ddl;
    try (InputStream in = RdbmsDiscoveryBackend.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String statement : ddl.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!statement.isBlank()) {
          s.execute(statement);
        }
      }
    }
  }

  @Override
  public List<DiscoveredNode> getNodes() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      long now = databaseNow(c);
      List<Row> rows = select(c);
      Row own = rows.stream().filter(r -> r.name().equals(nodeName)).findFirst().orElse(null);
      if (own != null) {
        update(c, now);
        nodeNumber = own.num();
      } else {
        nodeNumber = insert(c, now, smallestFreeNumber(rows));
      }
      List<DiscoveredNode> nodes = new ArrayList<>();
      List<String> expired = new ArrayList<>();
      for (Row row : rows) {
        if (!row.name().equals(nodeName) && now - row.updated() > expireSeconds) {
          delete(c, row.name());
          expired.add(row.name());
          continue;
        }
        nodes.add(new DiscoveredNode(row.name(), parseOrNull(row)));
      }
      if (!expired.isEmpty()) {
        LOG.warn("cets_expired_nodes: {} in cluster {}", expired, clusterName);
      }
      return nodes;
    }
  }

  private static long databaseNow(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) AS BIGINT)")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private List<Row> select(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT node_name, node_num, address, updated_timestamp FROM discovery_nodes"
                + " WHERE cluster_name = ?")) {
      s.setString(1, clusterName);
      List<Row> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4)));
        }
      }
      return rows;
    }
  }

  private void update(Connection c, long now) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE discovery_nodes SET updated_timestamp = ?, address = ? WHERE node_name = ?")) {
      s.setLong(1, now);
      s.setString(2, address);
      s.setString(3, nodeName);
      s.executeUpdate();
    }
  }

  private int insert(Connection c, long now, int num) throws SQLException {
    // Our row may exist under another cluster name (the cluster name was changed).
    delete(c, nodeName);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO discovery_nodes"
                + " (cluster_name, node_name, node_num, address, updated_timestamp)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      s.setString(1, clusterName);
      s.setString(2, nodeName);
      s.setInt(3, num);
      s.setString(4, address);
      s.setLong(5, now);
      s.executeUpdate();
      return num;
    } catch (SQLException e) {
      LOG.warn("Could not register node {} as number {}: {}", nodeName, num, e.getMessage());
      return 0;
    }
  }

  private static void delete(Connection c, String name) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM discovery_nodes WHERE node_name = ?")) {
      s.setString(1, name);
      s.executeUpdate();
    }
  }

  private static int smallestFreeNumber(List<Row> rows) {
    Set<Integer> used = new HashSet<>();
    rows.forEach(r -> used.add(r.num()));
    int num = 1;
    while (used.contains(num)) {
      num++;
    }
    return num;
  }

  private static InetSocketAddress parseOrNull(Row row) {
    try {
      return DiscoveredNode.parseAddress(row.address());
    } catch (IllegalArgumentException e) {
      LOG.warn("Ignoring bad address '{}' of node {}", row.address(), row.name());
      return null;
    }
  }
}
