package io.meerkat.cets;

/**
 * A peer replica was lost (its node went down, its server stopped, or it disowned us after an epoch
 * mismatch).
 *
 * @param table the table name
 * @param remote the lost server
 * @param reason why, for logs
 * @param isLeader whether this server is the leader after the removal
 */
public record DownEvent(String table, ServerId remote, String reason, boolean isLeader) {}
