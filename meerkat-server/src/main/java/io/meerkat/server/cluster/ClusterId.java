package io.meerkat.server.cluster;

import io.meerkat.server.storage.Jdbc;
import java.util.UUID;

/**
 * The cluster's id: created by the first node that starts against the database and kept there, so
 * it survives full-cluster restarts and identifies the installation (logs, status).
 */
public final class ClusterId {

  private static final String KEY = "cluster_id";

  private ClusterId() {}

  /** Reads the id, creating it first if no node has yet (two first nodes agree on one). */
  public static String ensure(Jdbc jdbc) {
    jdbc.insertIfAbsent(
        "INSERT INTO cluster_id (k, v) VALUES (?, ?)", KEY, UUID.randomUUID().toString());
    return jdbc.queryOne("SELECT v FROM cluster_id WHERE k = ?", rs -> rs.getString(1), KEY)
        .orElseThrow(() -> new IllegalStateException("the cluster id could not be stored"));
  }
}
