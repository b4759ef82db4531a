package io.meerkat.server.c2s;

/**
 * The states of a client connection, named after the stages of RFC 6120 negotiation. {@link
 * #CLOSED} is terminal: once there, no event moves the session anywhere else.
 */
public enum C2sState {
  /** Waiting for the client's stream header (first, or after STARTTLS/SASL restarts). */
  WAIT_FOR_STREAM,
  /** Features sent; waiting for STARTTLS, SASL or pre-auth IQs (registration). */
  WAIT_FOR_FEATURE_BEFORE_AUTH,
  /** A SASL exchange is in progress. */
  WAIT_FOR_SASL_RESPONSE,
  /** Authenticated; waiting for resource binding. */
  WAIT_FOR_FEATURE_AFTER_AUTH,
  /** Bound; the legacy session IQ may come, stanzas are accepted. */
  WAIT_FOR_SESSION_OR_STANZA,
  /** Fully established. */
  SESSION_ESTABLISHED,
  /** Closed; terminal. */
  CLOSED;

  /** States in which {@code state_timeout} applies (the client must make progress). */
  public boolean isTimed() {
    return this == WAIT_FOR_STREAM
        || this == WAIT_FOR_FEATURE_BEFORE_AUTH
        || this == WAIT_FOR_SASL_RESPONSE
        || this == WAIT_FOR_FEATURE_AFTER_AUTH;
  }

  /** States after resource binding, where stanzas flow. */
  public boolean isBound() {
    return this == WAIT_FOR_SESSION_OR_STANZA || this == SESSION_ESTABLISHED;
  }
}
