package io.meerkat.cets.rpc;

/**
 * A call to another node failed: the node answered with an error ({@link #reason()} is its reason,
 * for example {@code "noproc"}), or the link went down before the answer ({@link #NODE_DOWN}).
 */
public final class RemoteCallException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The reason used when the target node is unreachable or went down during the call. */
  public static final String NODE_DOWN = "node_down";

  private final String reason;

  public RemoteCallException(String reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
