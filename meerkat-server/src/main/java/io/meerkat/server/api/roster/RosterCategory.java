package io.meerkat.server.api.roster;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.meerkat.server.api.ApiServices;
import io.meerkat.server.api.Caller;
import io.meerkat.server.api.Endpoint;
import io.meerkat.server.api.GraphqlCategory;
import io.meerkat.server.api.account.AccountApi;
import io.meerkat.server.modules.roster.RosterApi.MutualAction;
import io.meerkat.server.modules.roster.RosterApi.SubscriptionAction;
import io.meerkat.server.roster.RosterService.Named;
import io.meerkat.xmpp.Jid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code roster}: an administrator manages anyone's roster; a user manages their own (the user
 * endpoint has no {@code user} argument, the caller is always the authenticated account).
 */
public final class RosterCategory implements GraphqlCategory {

  private final RosterCommands commands;

  public RosterCategory(ApiServices services, AccountApi accounts) {
    this.commands = new RosterCommands(services, accounts);
  }

  @Override
  public List<String> schemaFiles(Endpoint endpoint) {
    return List.of(
        "graphql/roster.graphqls", "graphql/" + endpoint.configName() + "/roster.graphqls");
  }

  @Override
  public void wire(Endpoint endpoint, RuntimeWiring.Builder wiring) {
    String prefix = endpoint == Endpoint.ADMIN ? "Admin" : "User";
    Function<DataFetchingEnvironment, Jid> user =
        endpoint == Endpoint.ADMIN ? env -> env.<Jid>getArgument("user") : Caller::user;
    wiring.type(prefix + "Query", t -> t.dataFetcher("roster", env -> CATEGORY));
    wiring.type(prefix + "Mutation", t -> t.dataFetcher("roster", env -> CATEGORY));
    wiring.type(
        "Roster" + prefix + "Query",
        t ->
            t.dataFetcher("listContacts", env -> commands.listContacts(user.apply(env)))
                .dataFetcher(
                    "getContact",
                    env -> commands.getContact(user.apply(env), env.getArgument("contact"))));
    wiring.type(
        "Roster" + prefix + "Mutation",
        t -> {
          t.dataFetcher(
                  "addContact",
                  env ->
                      commands.addContact(
                          user.apply(env),
                          env.getArgument("contact"),
                          env.getArgument("name"),
                          env.getArgument("groups")))
              .dataFetcher("addContacts", env -> addContacts(env, user.apply(env)))
              .dataFetcher(
                  "subscription",
                  env ->
                      commands.subscription(
                          user.apply(env),
                          env.getArgument("contact"),
                          SubscriptionAction.valueOf(env.getArgument("action"))))
              .dataFetcher(
                  "deleteContact",
                  env -> commands.deleteContact(user.apply(env), env.getArgument("contact")))
              .dataFetcher("deleteContacts", env -> deleteContacts(env, user.apply(env)));
          if (endpoint == Endpoint.ADMIN) {
            t.dataFetcher(
                    "setMutualSubscription",
                    env ->
                        commands.setMutualSubscription(
                            env.getArgument("userA"),
                            env.getArgument("userB"),
                            MutualAction.valueOf(env.getArgument("action"))))
                .dataFetcher("subscribeToAll", this::subscribeToAll)
                .dataFetcher("subscribeAllToAll", this::subscribeAllToAll);
          }
          return t;
        });
  }

  private DataFetcherResult<List<String>> addContacts(DataFetchingEnvironment env, Jid user) {
    List<Map<String, Object>> contacts = env.getArgument("contacts");
    return EachResult.of(
        env,
        contacts,
        c ->
            commands.addContact(
                user, (Jid) c.get("jid"), (String) c.get("name"), castGroups(c.get("groups"))));
  }

  private DataFetcherResult<List<String>> deleteContacts(DataFetchingEnvironment env, Jid user) {
    List<Jid> contacts = env.getArgument("contacts");
    return EachResult.of(env, contacts, c -> commands.deleteContact(user, c));
  }

  /** One result per contact: the user and that contact connected. */
  private DataFetcherResult<List<String>> subscribeToAll(DataFetchingEnvironment env) {
    Named user = named(env.getArgument("user"));
    List<Map<String, Object>> contacts = env.getArgument("contacts");
    return EachResult.of(
        env,
        contacts.stream().map(RosterCategory::named).toList(),
        c -> commands.subscribeBoth(user, c));
  }

  /** One result per pair of contacts, in list order: (1,2), (1,3), ..., (2,3), ... */
  private DataFetcherResult<List<String>> subscribeAllToAll(DataFetchingEnvironment env) {
    List<Map<String, Object>> input = env.getArgument("contacts");
    List<Named> contacts = input.stream().map(RosterCategory::named).toList();
    List<Named[]> pairs = new ArrayList<>();
    for (int i = 0; i < contacts.size(); i++) {
      for (int j = i + 1; j < contacts.size(); j++) {
        pairs.add(new Named[] {contacts.get(i), contacts.get(j)});
      }
    }
    return EachResult.of(env, pairs, p -> commands.subscribeBoth(p[0], p[1]));
  }

  private static Named named(Map<String, Object> contact) {
    return new Named(
        (Jid) contact.get("jid"), (String) contact.get("name"), castGroups(contact.get("groups")));
  }

  @SuppressWarnings("unchecked")
  private static List<String> castGroups(Object groups) {
    return (List<String>) groups;
  }
}
