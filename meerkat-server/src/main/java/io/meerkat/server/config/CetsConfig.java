package io.meerkat.server.config;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code [internal_databases.cets]}: clustering. Present means this node discovers and joins the
 * other nodes of its cluster.
 *
 * @param backend {@code backend}: discovery through the {@code discovery_nodes} table or a file
 * @param clusterName {@code cluster_name}, default {@code "meerkat"}
 * @param nodeListFile {@code node_list_file}, required for the file backend, resolved against the
 *     install directory
 * @param listen {@code listen_address}/{@code port}: where this node accepts cluster connections,
 *     default port 9100
 * @param advertisedAddress {@code advertised_address}: the address other nodes should use to reach
 *     this one (defaults to the listen address, or the environment's {@code MEERKAT_NODE_IP})
 * @param secret {@code secret}: the shared cluster secret (from the environment in production)
 * @param nodeExpiry {@code node_expiry}: rdbms rows not refreshed for this long are removed,
 *     default 1 hour
 */
public record CetsConfig(
    Backend backend,
    String clusterName,
    Optional<Path> nodeListFile,
    InetSocketAddress listen,
    Optional<String> advertisedAddress,
    String secret,
    Duration nodeExpiry) {

  /** Discovery backends. */
  public enum Backend {
    RDBMS,
    FILE
  }
}
