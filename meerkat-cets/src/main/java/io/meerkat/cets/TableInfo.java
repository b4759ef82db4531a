package io.meerkat.cets;

import io.meerkat.cets.transport.NodeId;
import java.util.List;

/**
 * A snapshot of one table server.
 *
 * @param table the table name
 * @param type the table type
 * @param self this server
 * @param nodes the nodes of the table's cluster, this one included, sorted
 * @param otherServers the peer servers, sorted
 * @param size the number of records
 * @param memoryBytes an estimate: encoded size of the records plus a fixed per-record overhead
 *     (computed only when asked for, otherwise -1)
 * @param joinRef the cluster epoch of this server
 * @param leader the current leader
 * @param nodeDownHistory lost peers, oldest first (the last 100)
 * @param pauseCount active pause tokens
 * @param backlogSize local operations waiting for the pause to end
 */
public record TableInfo(
    String table,
    TableType type,
    ServerId self,
    List<NodeId> nodes,
    List<ServerId> otherServers,
    int size,
    long memoryBytes,
    long joinRef,
    ServerId leader,
    List<NodeDownRecord> nodeDownHistory,
    int pauseCount,
    int backlogSize) {}
