package io.meerkat.cets.discovery;

import java.util.List;

/**
 * Where discovery finds the cluster's nodes. Called on a worker thread, never concurrently with
 * itself; may block (database, file system).
 */
@FunctionalInterface
public interface DiscoveryBackend {

  /**
   * Returns the nodes currently registered (this node may be among them).
   *
   * @throws Exception any failure; discovery logs it and retries after {@code after_error}
   */
  List<DiscoveredNode> getNodes() throws Exception;
}
