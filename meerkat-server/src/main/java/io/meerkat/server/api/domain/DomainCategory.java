package io.meerkat.server.api.domain;

import graphql.schema.idl.RuntimeWiring;
import io.meerkat.server.api.ApiException;
import io.meerkat.server.api.ApiServices;
import io.meerkat.server.api.Endpoint;
import io.meerkat.server.api.GraphqlCategory;
import java.util.List;
import java.util.Map;

/**
 * {@code domain}: the served domains (those of {@code general.hosts}; there are no dynamic domains)
 * and the passwords of their administrators. Admin only.
 */
public final class DomainCategory implements GraphqlCategory {

  private final ApiServices services;

  public DomainCategory(ApiServices services) {
    this.services = services;
  }

  @Override
  public List<String> schemaFiles(Endpoint endpoint) {
    return endpoint == Endpoint.ADMIN ? List.of("graphql/admin/domain.graphqls") : List.of();
  }

  @Override
  public void wire(Endpoint endpoint, RuntimeWiring.Builder wiring) {
    if (endpoint != Endpoint.ADMIN) {
      return;
    }
    wiring.type("AdminQuery", t -> t.dataFetcher("domain", env -> CATEGORY));
    wiring.type("AdminMutation", t -> t.dataFetcher("domain", env -> CATEGORY));
    wiring.type(
        "DomainAdminQuery",
        t -> t.dataFetcher("domainDetails", env -> details(env.getArgument("domain"))));
    wiring.type(
        "DomainAdminMutation",
        t ->
            t.dataFetcher(
                    "setDomainPassword",
                    env -> setPassword(env.getArgument("domain"), env.getArgument("password")))
                .dataFetcher(
                    "deleteDomainPassword", env -> deletePassword(env.getArgument("domain"))));
  }

  private Map<String, Object> details(String domain) {
    services.requireHost(domain);
    return Map.of("domain", domain, "hostType", domain, "status", "ENABLED");
  }

  private String setPassword(String domain, String password) {
    services.requireHost(domain);
    try {
      services.domainAdmins().setPassword(domain, password);
    } catch (IllegalArgumentException e) {
      throw new ApiException("invalid_password", "The password contains forbidden characters");
    }
    return "Domain password set";
  }

  private String deletePassword(String domain) {
    services.requireHost(domain);
    if (!services.domainAdmins().deletePassword(domain)) {
      throw new ApiException("not_found", "Domain " + domain + " has no administrator password");
    }
    return "Domain password deleted";
  }
}
