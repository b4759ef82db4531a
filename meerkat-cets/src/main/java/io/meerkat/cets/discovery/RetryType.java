package io.meerkat.cets.discovery;

/** Which interval schedules the next poll (first matching row wins). */
public enum RetryType {
  /** The last poll failed. */
  AFTER_ERROR,
  /** Still in the initial phase. */
  INITIAL,
  /** The most recent node-down is recent. */
  AFTER_NODEDOWN,
  /** Otherwise. */
  REGULAR
}
