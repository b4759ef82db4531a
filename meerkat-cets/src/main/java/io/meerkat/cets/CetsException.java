package io.meerkat.cets;

/**
 * A replication operation failed. {@link #reason()} is a stable, machine-readable reason such as
 * {@code noproc} (no such table server), {@code unknown_pause_monitor}, {@code
 * send_leader_op_failed} or a join failure reason.
 */
public class CetsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String reason;

  public CetsException(String reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public CetsException(String reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
