package io.meerkat.cets.discovery;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of the discovery state.
 *
 * @param phase {@code initial} or {@code regular}
 * @param discoveredNodes the last successful backend answer, sorted
 * @param unavailableNodes discovered nodes that could not be connected, plus nodes that went down
 *     and have not come back (pruned to discovered nodes at every successful poll), sorted
 * @param tables the tracked tables, sorted
 * @param lastGetNodesOk whether the last poll succeeded ({@code false} before the first)
 * @param lastGetNodesError the last poll's error, if it failed
 * @param getNodesRunning whether a poll is running
 * @param joinResults the last join outcome per {@code node/table}
 * @param verifyReady unmet readiness conditions (empty = ready)
 * @param retryType what the next interval would be now
 */
public record DiscoveryInfo(
    String phase,
    List<String> discoveredNodes,
    List<String> unavailableNodes,
    List<String> tables,
    boolean lastGetNodesOk,
    String lastGetNodesError,
    boolean getNodesRunning,
    Map<String, String> joinResults,
    List<String> verifyReady,
    RetryType retryType) {}
