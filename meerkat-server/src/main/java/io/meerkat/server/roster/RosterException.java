package io.meerkat.server.roster;

import io.meerkat.xmpp.StanzaError;

/**
 * A roster change that is refused, with the stanza error condition RFC 6121 names for it. The XMPP
 * path answers with that condition; other callers (the admin API) report the message.
 */
public final class RosterException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient StanzaError.Condition condition;

  public RosterException(StanzaError.Condition condition, String message) {
    super(message);
    this.condition = condition;
  }

  public StanzaError.Condition condition() {
    return condition;
  }

  /** The stanza error to answer with. */
  public StanzaError toStanzaError() {
    return StanzaError.of(condition, getMessage());
  }
}
