package io.meerkat.xmpp;

/** Thrown when text is not a valid JID under RFC 7622; maps to the {@code jid-malformed} error. */
public final class InvalidJidException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidJidException(String message) {
    super(message);
  }
}
