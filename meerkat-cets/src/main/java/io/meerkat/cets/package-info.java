/**
 * Replicated in-memory tables with automatic discovery. Start with {@link
 * io.meerkat.cets.CetsNode}; the replication semantics (what is guaranteed, what is not supported,
 * who should own a key) are stated on {@link io.meerkat.cets.CetsTable}.
 */
package io.meerkat.cets;
