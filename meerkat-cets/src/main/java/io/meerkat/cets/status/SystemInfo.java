package io.meerkat.cets.status;

import java.util.List;

/**
 * The cluster health report (the {@code cets systemInfo} command). Every list is sorted and without
 * duplicates. Healthy means {@code joinedNodes} equals {@code discoveredNodes} and every {@code
 * remote*} and {@code conflict*} list is empty.
 *
 * @param availableNodes online nodes (this one included) running discovery
 * @param unavailableNodes discovered nodes that could not be connected, plus nodes that went down
 *     and did not come back (pruned to discovered nodes at each successful poll)
 * @param joinedNodes this node plus every available remote node whose tracked tables, restricted to
 *     ours, have exactly our node lists
 * @param discoveredNodes the last successful backend answer
 * @param discoveryWorks whether the last poll succeeded
 * @param remoteNodesWithoutDisco discovered, online nodes that do not run discovery
 * @param remoteUnknownTables tables tracked by some available remote node but not here
 * @param remoteNodesWithUnknownTables remote nodes tracking such a table
 * @param remoteMissingTables our tables that some available remote node does not track
 * @param remoteNodesWithMissingTables remote nodes lacking one of our tables
 * @param conflictTables tables whose member list differs between here and some remote node
 * @param conflictNodes the remote nodes reporting such a different list
 */
public record SystemInfo(
    List<String> availableNodes,
    List<String> unavailableNodes,
    List<String> joinedNodes,
    List<String> discoveredNodes,
    boolean discoveryWorks,
    List<String> remoteNodesWithoutDisco,
    List<String> remoteUnknownTables,
    List<String> remoteNodesWithUnknownTables,
    List<String> remoteMissingTables,
    List<String> remoteNodesWithMissingTables,
    List<String> conflictTables,
    List<String> conflictNodes) {}
