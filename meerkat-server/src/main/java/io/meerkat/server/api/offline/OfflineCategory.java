package io.meerkat.server.api.offline;

import graphql.schema.idl.RuntimeWiring;
import io.meerkat.server.api.ApiException;
import io.meerkat.server.api.ApiServices;
import io.meerkat.server.api.Endpoint;
import io.meerkat.server.api.GraphqlCategory;
import io.meerkat.server.modules.offline.OfflineApi;
import io.meerkat.server.modules.offline.OfflineModule;
import java.util.List;

/**
 * {@code offline} (admin only): removing stored offline messages of a domain. Errors: {@code
 * unknown_domain}, {@code bad_request} for a negative number of days.
 */
public final class OfflineCategory implements GraphqlCategory {

  private final ApiServices services;

  public OfflineCategory(ApiServices services) {
    this.services = services;
  }

  @Override
  public List<String> schemaFiles(Endpoint endpoint) {
    return endpoint == Endpoint.ADMIN ? List.of("graphql/admin/offline.graphqls") : List.of();
  }

  @Override
  public void wire(Endpoint endpoint, RuntimeWiring.Builder wiring) {
    if (endpoint != Endpoint.ADMIN) {
      return;
    }
    wiring.type("AdminMutation", t -> t.dataFetcher("offline", env -> CATEGORY));
    wiring.type(
        "OfflineAdminMutation",
        t ->
            t.dataFetcher(
                    "deleteExpiredMessages",
                    env -> removed(api().deleteExpiredMessages(domain(env.getArgument("domain")))))
                .dataFetcher(
                    "deleteOldMessages",
                    env -> deleteOld(env.getArgument("domain"), env.getArgument("days"))));
  }

  private String deleteOld(String domain, int days) {
    if (days < 0) {
      throw new ApiException("bad_request", "days must not be negative");
    }
    return removed(api().deleteOldMessages(domain(domain), days));
  }

  private String domain(String domain) {
    return services.requireHost(domain);
  }

  private OfflineApi api() {
    return services.module(OfflineModule.class, "mod_offline").api();
  }

  private static String removed(int count) {
    return "Removed " + count + " messages";
  }
}
