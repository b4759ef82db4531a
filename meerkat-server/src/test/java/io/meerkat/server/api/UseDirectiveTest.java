package io.meerkat.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code @use(modules: ...)}: a category backed by a module answers a clear error while the module
 * is not enabled, and works once it is. The category here is the shape every module category takes.
 */
class UseDirectiveTest {

  /** A category of the kind a feature module contributes: one fragment, one data fetcher. */
  static final class EchoCategory implements GraphqlCategory {
    @Override
    public List<String> schemaFiles(Endpoint endpoint) {
      return endpoint == Endpoint.ADMIN ? List.of("graphql/test/echo.graphqls") : List.of();
    }

    @Override
    public void wire(Endpoint endpoint, RuntimeWiring.Builder wiring) {
      wiring.type("AdminQuery", t -> t.dataFetcher("echo", env -> CATEGORY));
      wiring.type("EchoAdminQuery", t -> t.dataFetcher("say", env -> env.getArgument("text")));
      wiring.type("AdminMutation", t -> t.dataFetcher("echo", env -> CATEGORY));
      wiring.type("AdminSubscription", t -> t.dataFetcher("echo", env -> CATEGORY));
      wiring.type("EchoAdminMutation", t -> t.dataFetcher("reset", env -> "reset"));
      wiring.type("EchoAdminSubscription", t -> t.dataFetcher("nothing", env -> null));
    }
  }

  private static ExecutionResult run(Set<String> enabled, String query) {
    GraphQL graphQL = ApiSchemas.build(Endpoint.ADMIN, List.of(new EchoCategory()), enabled);
    return graphQL.execute(query);
  }

  @Test
  void aFieldOfAModuleThatIsNotEnabledAnswersDepsNotLoaded() {
    ExecutionResult r = run(Set.of(), "{ echo { say(text: \"hi\") } }");
    assertThat(r.getErrors()).hasSize(1);
    Map<String, Object> error = r.getErrors().get(0).toSpecification();
    assertThat(error.get("message"))
        .isEqualTo("Some of the required modules are not enabled: mod_echo");
    @SuppressWarnings("unchecked")
    Map<String, Object> extensions = (Map<String, Object>) error.get("extensions");
    assertThat(extensions)
        .containsEntry("code", "deps_not_loaded")
        .containsEntry("not_loaded_modules", List.of("mod_echo"));
    assertThat(error.get("path")).isEqualTo(List.of("echo", "say"));
  }

  @Test
  void aTypeLevelUseGuardsEveryFieldOfTheType() {
    ExecutionResult r = run(Set.of("mod_echo"), "mutation { echo { reset } }");
    assertThat(r.getErrors().get(0).getMessage()).endsWith("mod_echo_admin");
  }

  @Test
  void theFieldWorksOnceTheModuleIsEnabled() {
    ExecutionResult r = run(Set.of("mod_echo", "mod_echo_admin"), "{ echo { say(text: \"hi\") } }");
    assertThat(r.getErrors()).isEmpty();
    assertThat(r.<Map<String, Object>>getData()).isEqualTo(Map.of("echo", Map.of("say", "hi")));
  }
}
