package io.meerkat.cets;

import java.time.Instant;

/** One entry of a table's node-down history: which peer was lost, why and when. */
public record NodeDownRecord(ServerId server, String reason, Instant at) {}
