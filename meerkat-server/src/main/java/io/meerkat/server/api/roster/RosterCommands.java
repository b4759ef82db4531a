package io.meerkat.server.api.roster;

import io.meerkat.server.api.ApiException;
import io.meerkat.server.api.ApiServices;
import io.meerkat.server.api.account.AccountApi;
import io.meerkat.server.modules.roster.RosterApi;
import io.meerkat.server.modules.roster.RosterApi.MutualAction;
import io.meerkat.server.modules.roster.RosterApi.SubscriptionAction;
import io.meerkat.server.modules.roster.RosterModule;
import io.meerkat.server.roster.RosterException;
import io.meerkat.server.roster.RosterItem;
import io.meerkat.server.roster.RosterService.Named;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.StanzaError.Condition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The roster commands of both endpoints on {@link RosterApi}: checks that the user exists here,
 * turns roster refusals into API errors and items into {@code Contact} results.
 *
 * <p>Errors: {@code unknown_domain}, {@code user_does_not_exist}, {@code contact_not_found} (a
 * contact that is not in the roster), {@code bad_request} (an item RFC 6121 refuses, e.g. the user
 * themselves).
 */
final class RosterCommands {

  private final ApiServices services;
  private final AccountApi accounts;

  RosterCommands(ApiServices services, AccountApi accounts) {
    this.services = services;
    this.accounts = accounts;
  }

  List<Map<String, Object>> listContacts(Jid user) {
    Jid owner = accounts.requireUser(user);
    return call(() -> api().listContacts(owner).stream().map(RosterCommands::contact).toList());
  }

  Map<String, Object> getContact(Jid user, Jid contact) {
    Jid owner = accounts.requireUser(user);
    return call(() -> api().getContact(owner, contact))
        .map(RosterCommands::contact)
        .orElseThrow(() -> notFound(contact));
  }

  String addContact(Jid user, Jid contact, String name, List<String> groups) {
    Jid owner = accounts.requireUser(user);
    call(() -> api().addContact(owner, contact, name, groups == null ? List.of() : groups));
    return "Contact added successfully";
  }

  String subscription(Jid user, Jid contact, SubscriptionAction action) {
    Jid owner = accounts.requireUser(user);
    call(
        () -> {
          api().subscription(owner, contact, action);
          return null;
        });
    return "Subscription stanza with action " + action + " sent successfully";
  }

  String deleteContact(Jid user, Jid contact) {
    Jid owner = accounts.requireUser(user);
    call(
        () -> {
          api().deleteContact(owner, contact);
          return null;
        });
    return "Contact deleted successfully";
  }

  String setMutualSubscription(Jid a, Jid b, MutualAction action) {
    Jid userA = accounts.requireUser(a);
    Jid userB = accounts.requireUser(b);
    if (userA.equals(userB)) {
      throw new ApiException("bad_request", "A user cannot subscribe to themselves");
    }
    call(
        () -> {
          api().setMutualSubscription(userA, userB, action);
          return null;
        });
    return action == MutualAction.CONNECT
        ? "Mutual subscription set successfully"
        : "Mutual subscription removed successfully";
  }

  /**
   * Connects two users with subscription "both", each named in the other's roster as given
   * (MongooseIM's {@code subscribeToAll} pairs).
   */
  String subscribeBoth(Named a, Named b) {
    Jid userA = accounts.requireUser(a.user());
    Jid userB = accounts.requireUser(b.user());
    if (userA.equals(userB)) {
      throw new ApiException("bad_request", "A user cannot subscribe to themselves");
    }
    call(
        () -> {
          api().subscribeBoth(a, b);
          return null;
        });
    return "Subscription between users " + userA + " and " + userB + " created successfully";
  }

  private RosterApi api() {
    return services.module(RosterModule.class, "mod_roster").api();
  }

  private static <T> T call(Supplier<T> action) {
    try {
      return action.get();
    } catch (RosterException e) {
      if (e.condition() == Condition.ITEM_NOT_FOUND) {
        throw new ApiException("contact_not_found", e.getMessage());
      }
      throw new ApiException("bad_request", e.getMessage());
    }
  }

  private static ApiException notFound(Jid contact) {
    return new ApiException(
        "contact_not_found", "Contact " + contact.toBare() + " is not in the roster");
  }

  /** A {@code Contact} result. */
  static Map<String, Object> contact(RosterItem item) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("jid", item.contact());
    c.put("name", item.name().isEmpty() ? null : item.name());
    c.put("groups", item.groups());
    c.put("subscription", item.subscription().name());
    c.put("ask", ask(item));
    return c;
  }

  private static String ask(RosterItem item) {
    if (item.pendingOut() && item.pendingIn()) {
      return "BOTH";
    }
    if (item.pendingOut()) {
      return "OUT";
    }
    return item.pendingIn() ? "IN" : "NONE";
  }
}
