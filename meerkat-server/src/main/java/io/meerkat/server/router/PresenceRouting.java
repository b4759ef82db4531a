package io.meerkat.server.router;

import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.PresenceType;

/**
 * The part of presence routing that belongs to the presence and subscription logic (RFC 6121 §3,
 * §4): subscription requests, probes and presence to users who are offline.
 */
public interface PresenceRouting {

  /**
   * Handles presence addressed to a local user.
   *
   * @return true when handled; false to deliver it as directed presence to the addressee's
   *     available resources
   */
  boolean handleInbound(Jid from, Jid to, PresenceType type, XmlElement presence);

  /** Delivers available/unavailable presence as directed presence and nothing else. */
  PresenceRouting DIRECTED_ONLY =
      (from, to, type, presence) ->
          type != PresenceType.AVAILABLE
              && type != PresenceType.UNAVAILABLE
              && type != PresenceType.ERROR;
}
