package io.meerkat.cets;

import java.util.List;

/**
 * What the server answered for one operation.
 *
 * @param accepted false when an insert-new found the key on the leader
 * @param records for insert-new-or-lookup: the inserted record, or the leader's records of the key
 * @param wrongLeader non-null when the server was not the leader for a leader operation
 */
record OpResult<R>(boolean accepted, List<R> records, ServerId wrongLeader) {

  static <R> OpResult<R> ok() {
    return new OpResult<>(true, List.of(), null);
  }
}
