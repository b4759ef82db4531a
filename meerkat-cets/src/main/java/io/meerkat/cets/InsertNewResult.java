package io.meerkat.cets;

import java.util.List;

/**
 * The outcome of {@link CetsTable#insertNewOrLookup}.
 *
 * @param inserted true when the candidate was inserted
 * @param records the inserted record, or the records the leader already had for the key
 */
public record InsertNewResult<R>(boolean inserted, List<R> records) {}
