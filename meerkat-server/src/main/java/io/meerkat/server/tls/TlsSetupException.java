package io.meerkat.server.tls;

/** TLS cannot be set up for a listener (missing or unreadable certificate or key). */
public final class TlsSetupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TlsSetupException(String message) {
    super(message);
  }

  public TlsSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
