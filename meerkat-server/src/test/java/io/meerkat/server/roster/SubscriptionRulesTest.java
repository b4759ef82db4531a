package io.meerkat.server.roster;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.PresenceType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The state tables of RFC 6121 Appendix A, row by row. A state is written as in the RFC: {@code
 * None}, {@code None+Out}, {@code None+In}, {@code None+Out+In}, {@code To}, {@code To+In}, {@code
 * From}, {@code From+Out}, {@code Both}; {@code -} is no entry at all.
 */
class SubscriptionRulesTest {

  private static final Jid CONTACT = Jid.parse("contact@example.net");

  static RosterItem state(String text) {
    if (text.equals("-")) {
      return null;
    }
    String[] parts = text.split("\\+");
    Subscription s = Subscription.parse(parts[0]);
    List<String> flags = List.of(parts).subList(1, parts.length);
    return RosterItem.empty(CONTACT, true)
        .withSubscription(s, flags.contains("Out"), flags.contains("In"), false);
  }

  private static String describe(RosterItem item) {
    if (item == null) {
      return "-";
    }
    String s =
        item.subscription().name().charAt(0) + item.subscription().attributeValue().substring(1);
    return s + (item.pendingOut() ? "+Out" : "") + (item.pendingIn() ? "+In" : "");
  }

  @ParameterizedTest(name = "outbound {0} in {1} -> {2}, routed {3}")
  @CsvSource({
    // A.2.1 subscribe
    "subscribe, None, None+Out, true",
    "subscribe, None+Out, None+Out, true",
    "subscribe, None+In, None+Out+In, true",
    "subscribe, None+Out+In, None+Out+In, true",
    "subscribe, To, To, true",
    "subscribe, To+In, To+In, true",
    "subscribe, From, From+Out, true",
    "subscribe, From+Out, From+Out, true",
    "subscribe, Both, Both, true",
    // A.2.2 unsubscribe
    "unsubscribe, None, None, true",
    "unsubscribe, None+Out, None, true",
    "unsubscribe, None+In, None+In, true",
    "unsubscribe, None+Out+In, None+In, true",
    "unsubscribe, To, None, true",
    "unsubscribe, To+In, None+In, true",
    "unsubscribe, From, From, true",
    "unsubscribe, From+Out, From, true",
    "unsubscribe, Both, From, true",
    // A.2.3 subscribed (None, None+Out and To become pre-approvals, not routed)
    "subscribed, None+In, From, true",
    "subscribed, None+Out+In, From+Out, true",
    "subscribed, To+In, Both, true",
    "subscribed, From, From, false",
    "subscribed, From+Out, From+Out, false",
    "subscribed, Both, Both, false",
    // A.2.4 unsubscribed
    "unsubscribed, None, None, false",
    "unsubscribed, None+Out, None+Out, false",
    "unsubscribed, None+In, None, true",
    "unsubscribed, None+Out+In, None+Out, true",
    "unsubscribed, To, To, false",
    "unsubscribed, To+In, To, true",
    "unsubscribed, From, None, true",
    "unsubscribed, From+Out, None+Out, true",
    "unsubscribed, Both, To, true",
  })
  void outboundStanzasFollowAppendixA2(String type, String before, String after, boolean routed) {
    SubscriptionRules.Outcome o =
        SubscriptionRules.outbound(PresenceType.parse(type), state(before), CONTACT);
    assertThat(describe(o.after())).isEqualTo(after);
    assertThat(o.forward()).isEqualTo(routed);
  }

  @ParameterizedTest(name = "inbound {0} in {1} -> {2}, delivered {3}, auto-reply {4}")
  @CsvSource({
    // A.3.1 subscribe
    "subscribe, -, None+In, true, false",
    "subscribe, None, None+In, true, false",
    "subscribe, None+Out, None+Out+In, true, false",
    "subscribe, None+In, None+In, false, false",
    "subscribe, None+Out+In, None+Out+In, false, false",
    "subscribe, To, To+In, true, false",
    "subscribe, To+In, To+In, false, false",
    "subscribe, From, From, false, true",
    "subscribe, From+Out, From+Out, false, true",
    "subscribe, Both, Both, false, true",
    // A.3.2 unsubscribe
    "unsubscribe, -, -, false, false",
    "unsubscribe, None, None, false, false",
    "unsubscribe, None+Out, None+Out, false, false",
    "unsubscribe, None+In, None, true, false",
    "unsubscribe, None+Out+In, None+Out, true, false",
    "unsubscribe, To, To, false, false",
    "unsubscribe, To+In, To, true, false",
    "unsubscribe, From, None, true, false",
    "unsubscribe, From+Out, None+Out, true, false",
    "unsubscribe, Both, To, true, false",
    // A.3.3 subscribed
    "subscribed, None, None, false, false",
    "subscribed, None+Out, To, true, false",
    "subscribed, None+In, None+In, false, false",
    "subscribed, None+Out+In, To+In, true, false",
    "subscribed, To, To, false, false",
    "subscribed, To+In, To+In, false, false",
    "subscribed, From, From, false, false",
    "subscribed, From+Out, Both, true, false",
    "subscribed, Both, Both, false, false",
    // A.3.4 unsubscribed
    "unsubscribed, None, None, false, false",
    "unsubscribed, None+Out, None, true, false",
    "unsubscribed, None+In, None+In, false, false",
    "unsubscribed, None+Out+In, None+In, true, false",
    "unsubscribed, To, None, true, false",
    "unsubscribed, To+In, None+In, true, false",
    "unsubscribed, From, From, false, false",
    "unsubscribed, From+Out, From, true, false",
    "unsubscribed, Both, From, true, false",
  })
  void inboundStanzasFollowAppendixA3(
      String type, String before, String after, boolean delivered, boolean autoReply) {
    SubscriptionRules.Outcome o =
        SubscriptionRules.inbound(PresenceType.parse(type), state(before), CONTACT, null);
    assertThat(describe(o.after())).isEqualTo(after);
    assertThat(o.forward()).isEqualTo(delivered);
    assertThat(o.autoReply()).isEqualTo(autoReply);
  }

  @Test
  void subscribedWithoutARequestIsAPreApprovalThatIsNotRouted() {
    SubscriptionRules.Outcome o =
        SubscriptionRules.outbound(PresenceType.SUBSCRIBED, null, CONTACT);
    assertThat(o.forward()).isFalse();
    assertThat(o.after().approved()).isTrue();
    assertThat(o.after().visible()).isTrue();
    assertThat(o.after().subscription()).isEqualTo(Subscription.NONE);
  }

  @Test
  void aPreApprovedRequestIsAnsweredByTheServerAndNotDelivered() {
    RosterItem approved =
        RosterItem.empty(CONTACT, true).withSubscription(Subscription.NONE, false, false, true);
    SubscriptionRules.Outcome o =
        SubscriptionRules.inbound(PresenceType.SUBSCRIBE, approved, CONTACT, null);
    assertThat(o.forward()).isFalse();
    assertThat(o.autoReply()).isTrue();
    assertThat(o.after().subscription()).isEqualTo(Subscription.FROM);
    assertThat(o.after().approved()).isFalse();
    assertThat(o.fromGained()).isTrue();
  }

  @Test
  void unsubscribedCancelsAPreApproval() {
    RosterItem approved =
        RosterItem.empty(CONTACT, true).withSubscription(Subscription.NONE, false, false, true);
    SubscriptionRules.Outcome o =
        SubscriptionRules.outbound(PresenceType.UNSUBSCRIBED, approved, CONTACT);
    assertThat(o.after().approved()).isFalse();
    assertThat(o.changed()).isTrue();
    assertThat(o.forward()).isFalse();
  }

  @Test
  void aRequestFromAStrangerIsRememberedOutsideTheRosterWithItsStatus() {
    SubscriptionRules.Outcome o =
        SubscriptionRules.inbound(PresenceType.SUBSCRIBE, null, CONTACT, "It's me");
    assertThat(o.after().visible()).isFalse();
    assertThat(o.after().askMessage()).isEqualTo("It's me");
    assertThat(o.changed()).isTrue();
  }

  @Test
  void approvingARememberedRequestPutsTheContactInTheRoster() {
    RosterItem remembered =
        RosterItem.empty(CONTACT, false).withSubscription(Subscription.NONE, false, true, false);
    SubscriptionRules.Outcome o =
        SubscriptionRules.outbound(PresenceType.SUBSCRIBED, remembered, CONTACT);
    assertThat(o.after().visible()).isTrue();
    assertThat(o.after().subscription()).isEqualTo(Subscription.FROM);
    assertThat(o.fromGained()).isTrue();
  }

  @Test
  void decliningARememberedRequestLeavesNothingBehind() {
    RosterItem remembered =
        RosterItem.empty(CONTACT, false).withSubscription(Subscription.NONE, false, true, false);
    SubscriptionRules.Outcome o =
        SubscriptionRules.outbound(PresenceType.UNSUBSCRIBED, remembered, CONTACT);
    assertThat(o.after()).isNull();
    assertThat(o.changed()).isTrue();
    assertThat(o.forward()).isTrue();
  }

  @Test
  void losingFromIsReportedSoThatUnavailableCanBeSent() {
    SubscriptionRules.Outcome o =
        SubscriptionRules.inbound(PresenceType.UNSUBSCRIBE, state("Both"), CONTACT, null);
    assertThat(o.fromLost()).isTrue();
    assertThat(o.fromGained()).isFalse();
  }
}
