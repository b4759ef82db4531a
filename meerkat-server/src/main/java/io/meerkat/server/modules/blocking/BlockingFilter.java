package io.meerkat.server.modules.blocking;

import io.meerkat.server.hooks.HookResult;
import io.meerkat.server.hooks.Hooks;
import io.meerkat.server.hooks.StanzaEvent;
import io.meerkat.server.router.Router;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.IqType;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.Stanza;
import io.meerkat.xmpp.StanzaError;
import io.meerkat.xmpp.StanzaError.Condition;
import java.util.Set;

/**
 * Enforces blocklists on the way out of a client and on the way into one (XEP-0191 §3.5, §3.6).
 *
 * <ul>
 *   <li>A user sending to a JID it blocks gets {@code not-acceptable} with {@code <blocked
 *       xmlns='urn:xmpp:blocking:errors'/>}; nothing is routed.
 *   <li>A stanza to a local user who blocks the sender is not routed: messages and IQ requests are
 *       answered with {@code service-unavailable} (as if the user were not there), presence and IQ
 *       results or errors are dropped without a word.
 *   <li>On delivery, anything from a blocked JID, and anything a local user sends to a JID it
 *       blocks (its presence broadcasts, for instance), is dropped.
 * </ul>
 *
 * Stanzas between a user's own resources and stanzas to or from the served domains themselves are
 * never filtered.
 */
final class BlockingFilter {

  private final Blocklists lists;
  private final Router router;
  private final Set<String> hosts;

  BlockingFilter(Blocklists lists, Router router, Set<String> hosts) {
    this.lists = lists;
    this.router = router;
    this.hosts = Set.copyOf(hosts);
  }

  /** {@link Hooks#userSendPacket}. */
  HookResult<XmlElement> outgoing(XmlElement stanza, StanzaEvent event) {
    if (stanza == null || event.to() == null || exempt(event.from(), event.to())) {
      return HookResult.next(stanza);
    }
    Jid sender = event.from().toBare();
    Jid to = event.to();
    if (lists.blocks(sender, to)) {
      if (!Stanza.isError(stanza)) {
        router.route(
            to,
            event.from(),
            Stanza.errorReply(
                stanza,
                StanzaError.of(Condition.NOT_ACCEPTABLE, "You have blocked this contact")
                    .withAppCondition(XmlElement.empty("blocked", Namespaces.BLOCKING_ERRORS))));
      }
      return HookResult.stop(null);
    }
    if (to.hasLocalpart()
        && hosts.contains(to.domain())
        && lists.blocks(to.toBare(), event.from())) {
      if (answersBlockedSender(stanza)) {
        router.bounce(stanza, StanzaError.of(Condition.SERVICE_UNAVAILABLE));
      }
      return HookResult.stop(null);
    }
    return HookResult.next(stanza);
  }

  /** {@link Hooks#userReceivePacket}. */
  HookResult<XmlElement> incoming(XmlElement stanza, Hooks.Delivery delivery) {
    if (stanza == null || isBlockedError(stanza)) {
      return HookResult.next(stanza);
    }
    Jid recipient = delivery.session().jid();
    Jid sender = Jid.parseOrNull(stanza.attribute("from"));
    if (sender == null || exempt(sender, recipient)) {
      return HookResult.next(stanza);
    }
    if (lists.blocks(recipient.toBare(), sender)) {
      return HookResult.stop(null);
    }
    // Errors from a user to a JID it blocks are the bounces this filter sent on the user's behalf
    // (its own client cannot send any: they are stopped on the way out).
    if (!Stanza.isError(stanza)
        && sender.hasLocalpart()
        && hosts.contains(sender.domain())
        && lists.blocks(sender.toBare(), recipient)) {
      return HookResult.stop(null);
    }
    return HookResult.next(stanza);
  }

  private boolean exempt(Jid a, Jid b) {
    return a.toBare().equals(b.toBare())
        || (a.isDomain() && hosts.contains(a.domain()))
        || (b.isDomain() && hosts.contains(b.domain()));
  }

  /** Messages and IQ requests get an error; presence and IQ responses do not (§3.5). */
  private static boolean answersBlockedSender(XmlElement stanza) {
    return switch (Stanza.kind(stanza)) {
      case MESSAGE -> !Stanza.isError(stanza);
      case IQ -> {
        IqType type = IqType.parse(Stanza.type(stanza));
        yield type != null && type.isRequest();
      }
      default -> false;
    };
  }

  /** The error this filter itself sends back to a user who wrote to a JID it blocks. */
  private static boolean isBlockedError(XmlElement stanza) {
    if (!Stanza.isError(stanza)) {
      return false;
    }
    XmlElement error = stanza.child("error", stanza.namespace());
    return error != null && error.child("blocked", Namespaces.BLOCKING_ERRORS) != null;
  }
}
