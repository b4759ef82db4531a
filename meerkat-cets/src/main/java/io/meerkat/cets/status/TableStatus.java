package io.meerkat.cets.status;

import java.util.List;

/**
 * One tracked table (the {@code cets tableInfo} command).
 *
 * @param tableName the table
 * @param memory estimated bytes of the local copy
 * @param size records in the local copy
 * @param nodes the table cluster's nodes, this one included, sorted
 */
public record TableStatus(String tableName, long memory, int size, List<String> nodes) {}
