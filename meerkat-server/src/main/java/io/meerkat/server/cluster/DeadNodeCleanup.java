package io.meerkat.server.cluster;

import io.meerkat.cets.join.ClusterLock;
import io.meerkat.cets.transport.NodeId;
import io.meerkat.server.hooks.Hooks;
import io.meerkat.server.hooks.SessionEvent;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the sessions of a node that died or was cut off, once for the whole cluster: every
 * survivor is told, each takes the cluster lock named after the lost node (its name and
 * incarnation), and the first to hold it removes the rows and runs the {@code session_cleanup} hook
 * for each (unavailable presence to contacts, last activity); the later holders find nothing left.
 * Messages for those users go to offline storage as soon as the rows are gone.
 */
final class DeadNodeCleanup {

  private static final Logger LOG = LoggerFactory.getLogger(DeadNodeCleanup.class);

  private final CetsSessionTable table;
  private final ClusterLock lock;
  private final Hooks hooks;
  private final Executor executor;

  DeadNodeCleanup(CetsSessionTable table, ClusterLock lock, Hooks hooks, Executor executor) {
    this.table = table;
    this.lock = lock;
    this.hooks = hooks;
    this.executor = executor;
  }

  /** Schedules the cleanup after {@code lost}; returns at once (called on the table's thread). */
  void nodeLost(NodeId lost) {
    executor.execute(() -> cleanUp(lost));
  }

  private void cleanUp(NodeId lost) {
    try (ClusterLock.Lease lease = lock.acquire("meerkat_node_cleanup/" + lost)) {
      List<SessionRecord> rows = table.ownedBy(lost.name(), lost.incarnation());
      if (rows.isEmpty()) {
        return;
      }
      table.deleteRows(rows);
      for (SessionRecord row : rows) {
        hooks.sessionCleanup.run(null, new SessionEvent(row.entry(), null));
      }
      LOG.info("Removed {} sessions of lost node {}", rows.size(), lost);
    } catch (RuntimeException e) {
      LOG.error("Cleanup after lost node {} failed", lost, e);
    }
  }
}
