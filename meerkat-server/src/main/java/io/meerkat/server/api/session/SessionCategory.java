package io.meerkat.server.api.session;

import graphql.schema.idl.RuntimeWiring;
import io.meerkat.server.api.Caller;
import io.meerkat.server.api.Endpoint;
import io.meerkat.server.api.GraphqlCategory;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.xmpp.Jid;
import java.util.List;
import java.util.Map;

/** {@code session}: who is connected, and disconnecting them. */
public final class SessionCategory implements GraphqlCategory {

  private final SessionApi api;

  public SessionCategory(SessionApi api) {
    this.api = api;
  }

  @Override
  public List<String> schemaFiles(Endpoint endpoint) {
    return List.of("graphql/" + endpoint.configName() + "/session.graphqls");
  }

  @Override
  public void wire(Endpoint endpoint, RuntimeWiring.Builder wiring) {
    if (endpoint == Endpoint.USER) {
      wiring.type("UserQuery", t -> t.dataFetcher("session", env -> CATEGORY));
      wiring.type(
          "SessionUserQuery",
          t ->
              t.dataFetcher(
                      "listResources",
                      env ->
                          api.ofUser(Caller.user(env)).stream()
                              .map(s -> s.jid().resource())
                              .toList())
                  .dataFetcher("countResources", env -> api.ofUser(Caller.user(env)).size())
                  .dataFetcher("listSessions", env -> describe(api.ofUser(Caller.user(env)))));
      return;
    }
    wiring.type("AdminQuery", t -> t.dataFetcher("session", env -> CATEGORY));
    wiring.type("AdminMutation", t -> t.dataFetcher("session", env -> CATEGORY));
    wiring.type(
        "SessionAdminQuery",
        t ->
            t.dataFetcher("listSessions", env -> describe(api.list(env.getArgument("domain"))))
                .dataFetcher("countSessions", env -> api.list(env.getArgument("domain")).size())
                .dataFetcher(
                    "listUserSessions", env -> describe(api.ofAccount(env.getArgument("user"))))
                .dataFetcher(
                    "countUserResources", env -> api.ofAccount(env.getArgument("user")).size())
                .dataFetcher(
                    "getUserResource",
                    env ->
                        api.resource(
                            env.<Jid>getArgument("user"), env.<Integer>getArgument("number")))
                .dataFetcher(
                    "listUsersWithStatus",
                    env ->
                        api
                            .withStatus(env.getArgument("domain"), env.getArgument("status"))
                            .stream()
                            .map(UsersWithStatus::describe)
                            .toList())
                .dataFetcher(
                    "countUsersWithStatus",
                    env ->
                        api.withStatus(env.getArgument("domain"), env.getArgument("status"))
                            .size()));
    wiring.type(
        "SessionAdminMutation",
        t ->
            t.dataFetcher(
                    "kickUserSession",
                    env -> api.kickSession(env.getArgument("user"), env.getArgument("reason")))
                .dataFetcher(
                    "kickUser",
                    env -> api.kickUser(env.getArgument("user"), env.getArgument("reason")))
                .dataFetcher(
                    "setPresence",
                    env ->
                        api.setPresence(
                            env.getArgument("user"),
                            env.getArgument("type"),
                            env.getArgument("show"),
                            env.getArgument("status"),
                            env.getArgument("priority"))));
  }

  private List<Map<String, Object>> describe(List<SessionEntry> sessions) {
    return sessions.stream().map(api::describe).toList();
  }
}
