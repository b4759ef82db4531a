package io.meerkat.server.roster;

import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.PresenceType;

/**
 * The subscription state machine of RFC 6121 Appendix A as pure functions: given a roster entry (or
 * none) and a subscription stanza, the new entry and what to do with the stanza. Nothing here
 * touches storage or the network.
 *
 * <p>Entries created only to remember an inbound request are invisible (not in the user's roster)
 * until the user adds the contact or approves the request.
 */
public final class SubscriptionRules {
  private SubscriptionRules() {}

  /**
   * The result of one stanza.
   *
   * @param before the entry before ({@code null}: none)
   * @param after the entry to store ({@code null}: remove the entry)
   * @param changed whether {@code after} differs from {@code before} (store and push)
   * @param forward whether the stanza goes on: to the contact (outbound) or to the user's resources
   *     (inbound)
   * @param autoReply for an inbound {@code subscribe} the user already approved or already grants:
   *     answer {@code subscribed} on the user's behalf
   */
  public record Outcome(
      RosterItem before, RosterItem after, boolean changed, boolean forward, boolean autoReply) {

    /** The contact now receives the user's presence and did not before. */
    public boolean fromGained() {
      return hasFrom(after) && !hasFrom(before);
    }

    /** The contact no longer receives the user's presence. */
    public boolean fromLost() {
      return hasFrom(before) && !hasFrom(after);
    }

    private static boolean hasFrom(RosterItem item) {
      return item != null && item.subscription().hasFrom();
    }
  }

  /** The user sends {@code type} to {@code contact} (§3, Appendix A.2). */
  public static Outcome outbound(PresenceType type, RosterItem before, Jid contact) {
    RosterItem item = before != null ? before : RosterItem.empty(contact, true);
    Subscription s = item.subscription();
    return switch (type) {
      case SUBSCRIBE ->
          // Appendix A.2.1; the request is routed even when already subscribed, so that the
          // contact's server can answer "subscribed" and repair a lost state (§3.1.3).
          result(
              before,
              s.hasTo()
                  ? item.withVisible(true)
                  : state(item.withVisible(true), s, true, item.pendingIn(), item.approved()),
              true,
              false);
      case UNSUBSCRIBE ->
          result(
              before,
              state(item, s.minusTo(), false, item.pendingIn(), item.approved()),
              true,
              false);
      case SUBSCRIBED -> {
        if (item.pendingIn()) {
          // Approval (§3.1.5): the entry joins the roster if it was only a remembered request.
          yield result(
              before,
              state(item.withVisible(true), s.plusFrom(), item.pendingOut(), false, false),
              true,
              false);
        }
        if (s.hasFrom()) {
          yield result(before, item, false, false);
        }
        // A subscription pre-approval (§3.4): remembered, not sent.
        yield result(before, state(item, s, item.pendingOut(), false, true), false, false);
      }
      case UNSUBSCRIBED -> {
        boolean tellContact = item.pendingIn() || s.hasFrom();
        yield result(
            before,
            state(item, s.minusFrom(), item.pendingOut(), false, false),
            tellContact,
            false);
      }
      default -> throw new IllegalArgumentException("not a subscription stanza: " + type);
    };
  }

  /** {@code type} from {@code contact} reaches the user (Appendix A.3). */
  public static Outcome inbound(PresenceType type, RosterItem before, Jid contact, String status) {
    RosterItem item = before != null ? before : RosterItem.empty(contact, false);
    Subscription s = item.subscription();
    return switch (type) {
      case SUBSCRIBE -> {
        if (s.hasFrom()) {
          yield new Outcome(before, before, false, false, true);
        }
        if (item.pendingIn()) {
          // Already waiting for the user's answer: not delivered again (A.3.1).
          yield new Outcome(before, before, false, false, false);
        }
        if (item.approved()) {
          yield withReply(
              result(
                  before,
                  state(item, s.plusFrom(), item.pendingOut(), false, false),
                  false,
                  false));
        }
        RosterItem pending =
            state(item, s, item.pendingOut(), true, false)
                .withAskMessage(status == null ? "" : status);
        yield result(before, pending, true, false);
      }
      case UNSUBSCRIBE -> {
        RosterItem after = state(item, s.minusFrom(), item.pendingOut(), false, item.approved());
        yield result(before, after, changed(before, after), false);
      }
      case SUBSCRIBED -> {
        if (!item.pendingOut()) {
          yield result(before, item, false, false);
        }
        RosterItem after = state(item, s.plusTo(), false, item.pendingIn(), item.approved());
        yield result(before, after, true, false);
      }
      case UNSUBSCRIBED -> {
        RosterItem after = state(item, s.minusTo(), false, item.pendingIn(), item.approved());
        yield result(before, after, changed(before, after), false);
      }
      default -> throw new IllegalArgumentException("not a subscription stanza: " + type);
    };
  }

  private static RosterItem state(
      RosterItem item, Subscription s, boolean out, boolean in, boolean approved) {
    return item.withSubscription(s, out, in, approved);
  }

  private static Outcome withReply(Outcome o) {
    return new Outcome(o.before(), o.after(), o.changed(), o.forward(), true);
  }

  private static boolean changed(RosterItem before, RosterItem after) {
    return before == null ? !after.isVacant() : !before.equals(after);
  }

  private static Outcome result(
      RosterItem before, RosterItem after, boolean forward, boolean reply) {
    RosterItem stored = after.isVacant() ? null : after;
    boolean changed = before == null ? stored != null : !before.equals(stored);
    return new Outcome(before, stored, changed, forward, reply);
  }
}
