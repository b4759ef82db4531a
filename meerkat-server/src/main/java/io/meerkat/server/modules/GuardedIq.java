package io.meerkat.server.modules;

import io.meerkat.server.router.IqHandler;
import io.meerkat.server.storage.DatabaseException;
import io.meerkat.xmpp.Stanza;
import io.meerkat.xmpp.StanzaError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the IQ handlers of storage-backed modules so that a database failure is answered with
 * {@code internal-server-error} (and logged) instead of leaving the request unanswered.
 */
public final class GuardedIq {

  private static final Logger LOG = LoggerFactory.getLogger(GuardedIq.class);

  private GuardedIq() {}

  public static IqHandler guard(String module, IqHandler handler) {
    return (from, to, iq) -> {
      try {
        return handler.handle(from, to, iq);
      } catch (DatabaseException e) {
        LOG.error("{} could not answer an IQ from {}: storage failed", module, from, e);
        return Stanza.errorReply(
            iq, StanzaError.of(StanzaError.Condition.INTERNAL_SERVER_ERROR, "Storage failed"));
      }
    };
  }
}
