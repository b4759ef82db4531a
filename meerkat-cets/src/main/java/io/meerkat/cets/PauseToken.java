package io.meerkat.cets;

/** Proof of one active pause of a table server; pass it back to {@link CetsTable#unpause}. */
public record PauseToken(String table, long id) {}
