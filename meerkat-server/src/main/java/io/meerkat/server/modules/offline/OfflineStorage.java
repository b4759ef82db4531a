package io.meerkat.server.modules.offline;

import io.meerkat.server.acl.AccessRules;
import io.meerkat.server.hooks.HookResult;
import io.meerkat.server.hooks.Hooks;
import io.meerkat.server.hooks.StanzaEvent;
import io.meerkat.server.router.Router;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.StanzaError;
import io.meerkat.xmpp.StanzaError.Condition;
import java.time.Clock;
import java.time.Instant;

/**
 * Takes the messages the router could not deliver ({@code offline_message} hook) and stores those
 * worth keeping, within the user's quota. A full quota answers the sender with {@code
 * resource-constraint}; a storage failure leaves the message unclaimed so the sender gets {@code
 * service-unavailable}. Either way nothing is dropped without the sender being told.
 */
final class OfflineStorage {

  static final String EXPIRE_NS = "jabber:x:expire";

  private final OfflineBackend backend;
  private final AccessRules access;
  private final String quotaRule;
  private final Router router;
  private final Clock clock;
  private final Hooks hooks;
  private final OfflinePolicy policy = new OfflinePolicy();

  OfflineStorage(
      OfflineBackend backend,
      AccessRules access,
      String quotaRule,
      Router router,
      Clock clock,
      Hooks hooks) {
    this.backend = backend;
    this.access = access;
    this.quotaRule = quotaRule;
    this.router = router;
    this.clock = clock;
    this.hooks = hooks;
  }

  HookResult<Boolean> onUndeliverable(Boolean claimed, StanzaEvent event) {
    if (Boolean.TRUE.equals(claimed)) {
      return HookResult.next(claimed);
    }
    XmlElement message = event.stanza();
    switch (policy.decide(message)) {
      case REFUSE -> {
        return HookResult.next(claimed);
      }
      case DISCARD -> {
        return HookResult.stop(Boolean.TRUE);
      }
      default -> {
        // stored below
      }
    }
    Instant now = clock.instant();
    long max = access.number(quotaRule, event.to(), Long.MAX_VALUE);
    OfflineMessage stored =
        new OfflineMessage(
            0, event.from(), now, expiry(message, now), StoredStanzas.write(message));
    if (backend.store(event.to().toBare(), stored, max)) {
      hooks.offlineMessageStored.run(null, event);
    } else {
      router.bounce(
          message,
          StanzaError.of(
              Condition.RESOURCE_CONSTRAINT,
              "The recipient is offline and their offline storage is full (" + max + " messages)"));
    }
    return HookResult.stop(Boolean.TRUE);
  }

  /** The XEP-0023 expiry of a message, {@code null} when it has none or an invalid one. */
  static Instant expiry(XmlElement message, Instant now) {
    XmlElement x = message.child("x", EXPIRE_NS);
    if (x == null || x.attribute("seconds") == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(x.attribute("seconds").strip());
      return seconds < 0 ? null : now.plusSeconds(Math.min(seconds, 10L * 365 * 24 * 3600));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
