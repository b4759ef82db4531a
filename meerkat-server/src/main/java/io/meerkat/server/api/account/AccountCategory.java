package io.meerkat.server.api.account;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.meerkat.server.api.Caller;
import io.meerkat.server.api.Endpoint;
import io.meerkat.server.api.GraphqlCategory;
import io.meerkat.xmpp.Jid;
import java.util.List;
import java.util.Map;

/** {@code account}: registration, removal, passwords, bans. */
public final class AccountCategory implements GraphqlCategory {

  private final AccountApi api;

  public AccountCategory(AccountApi api) {
    this.api = api;
  }

  @Override
  public List<String> schemaFiles(Endpoint endpoint) {
    return List.of("graphql/" + endpoint.configName() + "/account.graphqls");
  }

  @Override
  public void wire(Endpoint endpoint, RuntimeWiring.Builder wiring) {
    if (endpoint == Endpoint.ADMIN) {
      wireAdmin(wiring);
    } else {
      wiring.type("UserMutation", t -> t.dataFetcher("account", env -> CATEGORY));
      wiring.type(
          "AccountUserMutation",
          t ->
              t.dataFetcher(
                      "unregister",
                      env -> {
                        Jid user = api.remove(Caller.user(env));
                        return "Account " + user + " removed";
                      })
                  .dataFetcher(
                      "changePassword",
                      env -> {
                        api.changePassword(Caller.user(env), env.getArgument("newPassword"));
                        return "Password changed";
                      }));
    }
  }

  private void wireAdmin(RuntimeWiring.Builder wiring) {
    wiring.type("AdminQuery", t -> t.dataFetcher("account", env -> CATEGORY));
    wiring.type("AdminMutation", t -> t.dataFetcher("account", env -> CATEGORY));
    wiring.type(
        "AccountAdminQuery",
        t ->
            t.dataFetcher("listUsers", env -> api.list(env.getArgument("domain")))
                .dataFetcher("countUsers", env -> api.count(env.getArgument("domain")))
                .dataFetcher(
                    "checkUser",
                    env -> {
                      Jid user = user(env);
                      boolean exists = api.exists(user);
                      return Map.of(
                          "exist",
                          exists,
                          "message",
                          "User " + user.toBare() + (exists ? " exists" : " does not exist"));
                    })
                .dataFetcher(
                    "checkPassword",
                    env -> {
                      boolean correct = api.checkPassword(user(env), env.getArgument("password"));
                      return Map.of(
                          "correct",
                          correct,
                          "message",
                          correct ? "Password is correct" : "Password is incorrect");
                    }));
    wiring.type(
        "AccountAdminMutation",
        t ->
            t.dataFetcher(
                    "registerUser",
                    env -> {
                      Jid user =
                          api.register(
                              env.getArgument("domain"),
                              env.getArgument("username"),
                              env.getArgument("password"));
                      return payload(user, "User " + user + " successfully registered");
                    })
                .dataFetcher(
                    "removeUser",
                    env -> {
                      Jid user = api.remove(user(env));
                      return payload(user, "User " + user + " successfully unregistered");
                    })
                .dataFetcher(
                    "banUser",
                    env -> {
                      String reason = env.getArgument("reason");
                      Jid user = api.ban(user(env), reason);
                      return payload(user, "User " + user + " banned: " + reason);
                    })
                .dataFetcher(
                    "changeUserPassword",
                    env -> {
                      Jid user = api.changePassword(user(env), env.getArgument("newPassword"));
                      return payload(user, "Password changed for " + user);
                    }));
  }

  private static Jid user(DataFetchingEnvironment env) {
    return env.getArgument("user");
  }

  private static Map<String, Object> payload(Jid user, String message) {
    return Map.of("jid", user, "message", message);
  }
}
