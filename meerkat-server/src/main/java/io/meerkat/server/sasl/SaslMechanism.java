package io.meerkat.server.sasl;

/**
 * The server side of one SASL authentication attempt. Not thread-safe; used by one session.
 * Implementations may block on the user store.
 */
public interface SaslMechanism {

  /** Handles the {@code <auth/>} element's data (empty when the client sent none or {@code =}). */
  SaslStep start(byte[] initialResponse);

  /** Handles a {@code <response/>}. */
  SaslStep step(byte[] response);
}
