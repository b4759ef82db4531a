package io.meerkat.server.cluster;

import io.meerkat.cets.discovery.CetsDiscovery;
import io.meerkat.cets.discovery.DiscoveredNode;
import io.meerkat.cets.discovery.RdbmsDiscoveryBackend;
import io.meerkat.cets.transport.NodeId;
import io.meerkat.server.config.CetsConfig;
import io.meerkat.server.storage.Jdbc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Manual membership changes ({@code server joinCluster / leaveCluster / removeFromCluster}). Nodes
 * normally find each other by themselves; these are for the file backend, whose node-list file is
 * the membership, and for removing a dead node's {@code discovery_nodes} row at once instead of
 * after the expiry. A node removed with the file backend is refused by every node of the cluster
 * (they are told), until it is joined again.
 */
public final class ClusterMembership {

  private static final long JOIN_WAIT_SECONDS = 30;

  private final MeerkatCluster cluster;
  private final Jdbc jdbc;

  public ClusterMembership(MeerkatCluster cluster, Jdbc jdbc) {
    this.cluster = cluster;
    this.jdbc = jdbc;
  }

  /** A refused membership change, with a code for the API. */
  public static final class MembershipException extends RuntimeException {
    private final String code;

    MembershipException(String code, String message) {
      super(message);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /**
   * Adds the node at {@code address} ({@code host:port} of its cluster port, optionally preceded by
   * its name) to the node-list file and waits until discovery has joined it.
   */
  public String joinCluster(String node) {
    requireFileBackend("joinCluster");
    String[] parts = node.strip().split("\\s+");
    InetSocketAddress address;
    try {
      address = DiscoveredNode.parseAddress(parts[parts.length - 1]);
    } catch (IllegalArgumentException e) {
      throw new MembershipException(
          "bad_node", "node must be '<host>:<port>' or '<name> <host>:<port>': " + e.getMessage());
    }
    cluster.removedNodes().readmit(parts.length > 1 ? parts[0] : "");
    NodeId peer;
    try {
      peer = cluster.transport().connect(address).get(JOIN_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MembershipException("interrupted", "interrupted");
    } catch (Exception e) {
      throw new MembershipException(
          "node_unreachable", "cannot reach a Meerkat node at " + parts[parts.length - 1]);
    }
    cluster.removedNodes().readmit(peer.name());
    cluster.events().publish(RemovedNodes.READMITTED, peer.name());
    edit(file -> file.put(peer.name(), address.getHostString() + ":" + address.getPort()));
    CetsDiscovery discovery = discovery();
    discovery.checkNow();
    try {
      discovery.waitForReady().get(JOIN_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      return peer.name() + " was added to the node list; the join is still in progress";
    } catch (Exception e) {
      throw new MembershipException("join_failed", "joining " + peer.name() + " failed: " + e);
    }
    return peer.name() + " joined the cluster";
  }

  /**
   * Takes this node out of its cluster: its line leaves the node-list file and every other node is
   * disconnected and refused until it is joined again. The others remove this node's sessions as
   * for a lost node.
   */
  public String leaveCluster() {
    requireFileBackend("leaveCluster");
    edit(file -> file.remove(cluster.nodeName()));
    for (NodeId peer : cluster.transport().connectedNodes()) {
      cluster.removedNodes().remove(peer.name());
    }
    return cluster.nodeName() + " left the cluster";
  }

  /**
   * Removes another node. File backend: its line leaves the node-list file and its links are closed
   * and refused. Rdbms backend: its {@code discovery_nodes} row is deleted now instead of after the
   * expiry; refused while the node is connected (it would simply write its row again).
   */
  public String removeFromCluster(String node) {
    if (node.equals(cluster.nodeName())) {
      throw new MembershipException(
          "cannot_remove_self", "a node cannot remove itself; use leaveCluster");
    }
    if (cluster.config().backend() == CetsConfig.Backend.FILE) {
      boolean listed = edit(file -> file.remove(node));
      cluster.events().publish(RemovedNodes.REMOVED, node);
      cluster.removedNodes().remove(node);
      return node + (listed ? " was removed from the cluster" : " was not listed; it is refused");
    }
    boolean connected =
        cluster.transport().connectedNodes().stream().anyMatch(n -> n.name().equals(node));
    if (connected) {
      throw new MembershipException(
          "node_is_alive", node + " is running and connected; stop it before removing it");
    }
    int deleted =
        jdbc.update(
            "DELETE FROM discovery_nodes WHERE cluster_name = ? AND node_name = ?",
            cluster.config().clusterName() + "-" + RdbmsDiscoveryBackend.PROTOCOL_VERSION,
            node);
    if (deleted == 0) {
      throw new MembershipException("unknown_node", node + " is not a node of this cluster");
    }
    return node + " was removed from the cluster";
  }

  private void requireFileBackend(String command) {
    if (cluster.config().backend() != CetsConfig.Backend.FILE) {
      throw new MembershipException(
          "not_supported",
          command
              + " is for the file discovery backend; with backend = \"rdbms\" nodes find each"
              + " other through the database (use cluster_name to separate clusters)");
    }
  }

  private CetsDiscovery discovery() {
    return cluster
        .discovery()
        .orElseThrow(() -> new MembershipException("starting", "the cluster is starting"));
  }

  private interface FileEdit {
    boolean apply(NodeListFile file) throws IOException;
  }

  private boolean edit(FileEdit edit) {
    try {
      return edit.apply(new NodeListFile(cluster.config().nodeListFile().orElseThrow()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot edit the node-list file", e);
    }
  }
}
