package io.meerkat.server.sasl;

import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.SaslFailure;

/** The outcome of one SASL exchange step. */
public sealed interface SaslStep {

  /** Send a challenge and wait for the client's response. */
  record Challenge(byte[] data) implements SaslStep {}

  /** Authenticated as {@code user} (a bare JID); {@code additionalData} may be null. */
  record Success(Jid user, byte[] additionalData) implements SaslStep {}

  /** Authentication failed. */
  record Failure(SaslFailure condition, String text) implements SaslStep {}

  static Failure failure(SaslFailure condition, String text) {
    return new Failure(condition, text);
  }
}
