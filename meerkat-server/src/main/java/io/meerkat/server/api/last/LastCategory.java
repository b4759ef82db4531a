package io.meerkat.server.api.last;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.meerkat.server.api.ApiException;
import io.meerkat.server.api.ApiServices;
import io.meerkat.server.api.Caller;
import io.meerkat.server.api.Endpoint;
import io.meerkat.server.api.GraphqlCategory;
import io.meerkat.server.api.account.AccountApi;
import io.meerkat.server.modules.last.LastActivity;
import io.meerkat.server.modules.last.LastApi;
import io.meerkat.server.modules.last.LastModule;
import io.meerkat.xmpp.Jid;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code last}: XEP-0012 last activity; an administrator reads and corrects anyone's and removes
 * inactive accounts, a user reads and sets their own. Errors: {@code user_does_not_exist}, {@code
 * unknown_domain}, {@code not_found} (no last activity recorded).
 */
public final class LastCategory implements GraphqlCategory {

  private final ApiServices services;
  private final AccountApi accounts;

  public LastCategory(ApiServices services, AccountApi accounts) {
    this.services = services;
    this.accounts = accounts;
  }

  @Override
  public List<String> schemaFiles(Endpoint endpoint) {
    return List.of("graphql/last.graphqls", "graphql/" + endpoint.configName() + "/last.graphqls");
  }

  @Override
  public void wire(Endpoint endpoint, RuntimeWiring.Builder wiring) {
    boolean admin = endpoint == Endpoint.ADMIN;
    String prefix = admin ? "Admin" : "User";
    Function<DataFetchingEnvironment, Jid> user =
        admin ? env -> env.<Jid>getArgument("user") : Caller::user;
    wiring.type(prefix + "Query", t -> t.dataFetcher("last", env -> CATEGORY));
    wiring.type(prefix + "Mutation", t -> t.dataFetcher("last", env -> CATEGORY));
    wiring.type(
        "Last" + prefix + "Query",
        t -> {
          t.dataFetcher("getLast", env -> get(user.apply(env)));
          if (admin) {
            t.dataFetcher(
                    "countActiveUsers",
                    env ->
                        api()
                            .countActiveUsers(
                                services.requireHost(env.getArgument("domain")),
                                seconds(env.getArgument("timestamp"))))
                .dataFetcher("listOldUsers", env -> oldUsers(env, false));
          }
          return t;
        });
    wiring.type(
        "Last" + prefix + "Mutation",
        t -> {
          t.dataFetcher(
              "setLast",
              env -> set(user.apply(env), env.getArgument("timestamp"), env.getArgument("status")));
          if (admin) {
            t.dataFetcher("removeOldUsers", env -> oldUsers(env, true));
          }
          return t;
        });
  }

  private Map<String, Object> get(Jid user) {
    Jid owner = accounts.requireUser(user);
    LastActivity last =
        api()
            .getLast(owner)
            .orElseThrow(
                () -> new ApiException("not_found", "No last activity of " + owner + " is known"));
    return activity(owner, last);
  }

  private Map<String, Object> set(Jid user, Instant timestamp, String status) {
    Jid owner = accounts.requireUser(user);
    Instant when = timestamp != null ? timestamp : services.clock().instant();
    LastActivity last = new LastActivity(when.getEpochSecond(), status);
    if (!api().setLast(owner, last)) {
      throw new ApiException("user_does_not_exist", "User " + owner + " does not exist");
    }
    return activity(owner, last);
  }

  /** Lists, or removes, the accounts inactive since the timestamp; each with its last logout. */
  private List<Map<String, Object>> oldUsers(DataFetchingEnvironment env, boolean remove) {
    String domain = env.getArgument("domain");
    if (domain != null) {
      services.requireHost(domain);
    }
    long before = seconds(env.getArgument("timestamp"));
    LastApi api = api();
    Map<Jid, Instant> lastSeen = new LinkedHashMap<>();
    for (Jid old : api.listOldUsers(domain, before)) {
      lastSeen.put(
          old, api.getLast(old).map(l -> Instant.ofEpochSecond(l.timestamp())).orElse(null));
    }
    List<Jid> listed = remove ? api.removeOldUsers(domain, before) : List.copyOf(lastSeen.keySet());
    return listed.stream()
        .map(
            jid -> {
              Map<String, Object> old = new LinkedHashMap<>();
              old.put("jid", jid);
              old.put("timestamp", lastSeen.get(jid));
              return old;
            })
        .toList();
  }

  private static Map<String, Object> activity(Jid user, LastActivity last) {
    return Map.of(
        "user",
        user,
        "timestamp",
        Instant.ofEpochSecond(last.timestamp()),
        "status",
        last.status());
  }

  private static long seconds(Instant instant) {
    return instant.getEpochSecond();
  }

  private LastApi api() {
    return services.module(LastModule.class, "mod_last").api();
  }
}
