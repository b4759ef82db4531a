package io.meerkat.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@code @protected} scopes as a domain administrator meets them: what is declared is checked
 * against the administrator's domain before anything runs, what is not declared is refused.
 */
class DomainAdminGuardTest {

  /** A category whose fields answer their own name, so a test sees which ones ran. */
  static final class ScopedCategory implements GraphqlCategory {
    private final List<String> ran = new ArrayList<>();
    private final String file;

    ScopedCategory(String file) {
      this.file = file;
    }

    @Override
    public List<String> schemaFiles(Endpoint endpoint) {
      return endpoint == Endpoint.ADMIN ? List.of(file) : List.of();
    }

    @Override
    public void wire(Endpoint endpoint, RuntimeWiring.Builder wiring) {
      wiring.type("AdminQuery", t -> t.dataFetcher("scoped", env -> CATEGORY));
      wiring.type("AdminQuery", t -> t.dataFetcher("forgottenRoot", env -> "forgottenRoot"));
      wiring.type(
          "ScopedAdminQuery",
          t -> {
            for (String f :
                List.of(
                    "forgotten",
                    "forUser",
                    "forUsers",
                    "between",
                    "forDomain",
                    "anyAdmin",
                    "globalOnly")) {
              t.dataFetcher(
                  f,
                  env -> {
                    ran.add(f);
                    return f;
                  });
            }
            return t;
          });
    }
  }

  private final ScopedCategory category = new ScopedCategory("graphql/test/scoped.graphqls");
  private final GraphQL graphQL = ApiSchemas.build(Endpoint.ADMIN, List.of(category), Set.of());

  private ExecutionResult asDomainAdmin(String query, Map<String, Object> variables) {
    return graphQL.execute(
        ExecutionInput.newExecutionInput()
            .query(query)
            .variables(variables)
            .graphQLContext(b -> Caller.init(b, null, "example.com", new ArrayList<>()))
            .build());
  }

  private ExecutionResult asDomainAdmin(String query) {
    return asDomainAdmin(query, Map.of());
  }

  private ExecutionResult asGlobalAdmin(String query) {
    return graphQL.execute(
        ExecutionInput.newExecutionInput()
            .query(query)
            .graphQLContext(b -> Caller.init(b, null, null, new ArrayList<>()))
            .build());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> extensions(ExecutionResult r, int i) {
    return (Map<String, Object>) r.getErrors().get(i).toSpecification().get("extensions");
  }

  @Test
  void aCommandWithoutDeclaredScopeIsRefusedToDomainAdminsButRunsForTheGlobalAdmin() {
    ExecutionResult refused = asDomainAdmin("{ scoped { forgotten } }");
    assertThat(refused.isDataPresent()).isFalse();
    assertThat(extensions(refused, 0)).containsEntry("code", "no_permissions");
    assertThat(extensions(refused, 0)).containsEntry("type", "global");
    assertThat(refused.getErrors().get(0).getPath()).containsExactly("scoped", "forgotten");
    assertThat(asDomainAdmin("{ forgottenRoot }").getErrors()).hasSize(1);
    assertThat(category.ran).isEmpty();
    assertThat(asGlobalAdmin("{ scoped { forgotten } forgottenRoot }").getErrors()).isEmpty();
    assertThat(category.ran).containsExactly("forgotten");
  }

  @Test
  void aBareProtectedDirectiveMeansTheGlobalAdministratorOnly() {
    assertThat(extensions(asDomainAdmin("{ scoped { globalOnly } }"), 0))
        .containsEntry("type", "global");
  }

  @Test
  void domainCommandsRunWhenTheirArgumentsAreInTheAdministratorsDomain() {
    ExecutionResult r =
        asDomainAdmin(
            "{ scoped { forUser(user: \"alice@example.com/phone\") forDomain(domain:"
                + " \"EXAMPLE.com\") between(userA: \"a@example.com\", userB: \"b@example.com\")"
                + " forUsers(users: [\"a@example.com\", \"b@example.com\"]) anyAdmin } }");
    assertThat(r.getErrors()).isEmpty();
    assertThat(category.ran)
        .containsExactlyInAnyOrder("forUser", "forDomain", "between", "forUsers", "anyAdmin");
  }

  @Test
  void oneArgumentOutsideTheDomainRefusesTheWholeRequestAndNamesTheArgument() {
    ExecutionResult r =
        asDomainAdmin(
            "{ scoped { ok: forUser(user: \"alice@example.com\") no: between(userA:"
                + " \"a@example.com\", userB: \"b@localhost\") } }");
    assertThat(r.isDataPresent()).isFalse();
    assertThat(r.getErrors()).hasSize(1);
    assertThat(r.getErrors().get(0).getPath()).containsExactly("scoped", "no");
    assertThat(extensions(r, 0))
        .containsEntry("code", "no_permissions")
        .containsEntry("type", "domain")
        .containsEntry("invalid_args", List.of("userB"));
    assertThat(r.getErrors().get(0).getMessage())
        .contains("ScopedAdminQuery.between", "example.com", "userB");
    assertThat(category.ran).isEmpty();
  }

  @Test
  void aSubdomainOrASimilarNameIsAnotherDomain() {
    assertThat(asDomainAdmin("{ scoped { forUser(user: \"a@muc.example.com\") } }").getErrors())
        .hasSize(1);
    assertThat(asDomainAdmin("{ scoped { forDomain(domain: \"example.com.evil\") } }").getErrors())
        .hasSize(1);
  }

  @Test
  void aMissingDomainArgumentMeansEveryDomainAndIsRefused() {
    ExecutionResult r = asDomainAdmin("{ scoped { forDomain } }");
    assertThat(extensions(r, 0)).containsEntry("invalid_args", List.of("domain"));
    assertThat(asDomainAdmin("{ scoped { forUser(user: null) } }").getErrors()).hasSize(1);
  }

  @Test
  void listsMustLieWhollyInTheDomain() {
    assertThat(
            asDomainAdmin("{ scoped { forUsers(users: [\"a@example.com\", \"b@localhost\"]) } }")
                .getErrors())
        .hasSize(1);
  }

  @Test
  void variablesFragmentsAndAliasesAreCheckedAfterResolution() {
    ExecutionResult r =
        asDomainAdmin(
            "query($u: JID) { scoped { ...F } } fragment F on ScopedAdminQuery { x: forUser(user:"
                + " $u) }",
            Map.of("u", "bob@localhost"));
    assertThat(r.getErrors()).hasSize(1);
    assertThat(r.getErrors().get(0).getPath()).containsExactly("scoped", "x");
    assertThat(
            asDomainAdmin(
                    "query($u: JID) { scoped { forUser(user: $u) } }",
                    Map.of("u", "bob@example.com"))
                .getErrors())
        .isEmpty();
  }

  @Test
  void skippedFieldsAreNotChecked() {
    assertThat(
            asDomainAdmin("{ scoped { anyAdmin forgotten @skip(if: true) } }")
                .<Map<String, Object>>getData())
        .isEqualTo(Map.of("scoped", Map.of("anyAdmin", "anyAdmin")));
  }

  @Test
  void introspectionIsOpenToDomainAdmins() {
    ExecutionResult r = asDomainAdmin("{ __schema { queryType { name } } scoped { __typename } }");
    assertThat(r.getErrors()).isEmpty();
  }

  @Test
  void aDomainScopeNamingAnArgumentTheFieldLacksFailsTheSchemaBuild() {
    ScopedCategory bad = new ScopedCategory("graphql/test/badscope.graphqls");
    assertThatThrownBy(() -> ApiSchemas.build(Endpoint.ADMIN, List.of(bad), Set.of()))
        .hasMessageContaining("BadAdminQuery.typo")
        .hasMessageContaining("usr");
  }
}
