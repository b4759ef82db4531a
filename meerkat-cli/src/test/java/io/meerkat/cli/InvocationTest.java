package io.meerkat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Command lines turned into GraphQL documents, for argument types the CLI must handle. */
class InvocationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String SDL =
      """
      type Query { roster: RosterAdminQuery, checkAuth: Auth }
      type Auth { ok: Boolean }
      type RosterAdminQuery {
        "Find contacts"
        find(user: String!, groups: [String!]!, limit: Int, ratio: Float, exact: Boolean,
             options: Opts): [Contact]
      }
      input Opts { depth: Int }
      type Contact { jid: String, groups: [String], owner: Owner }
      type Owner { name: String }
      """;

  private static Schema schema() {
    ExecutionResult r =
        GraphQL.newGraphQL(
                UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(SDL)))
            .build()
            .execute(Schema.INTROSPECTION);
    return new Schema(JSON.valueToTree(r.getData()).path("__schema"));
  }

  private static Invocation invoke(String... options) throws Invocation.UsageException {
    Schema schema = schema();
    return Invocation.of(
        schema, schema.categories().get("roster").get("find"), List.of(options), JSON);
  }

  @Test
  void categoriesComeFromTheRootFieldsOfCategoryTypes() {
    assertThat(schema().categories()).containsOnlyKeys("roster");
  }

  @Test
  void listsAndInputObjectsAreJsonAndScalarsAreTyped() throws Exception {
    Invocation i =
        invoke(
            "--user",
            "a@x",
            "--groups",
            "[\"friends\",\"work\"]",
            "--limit",
            "5",
            "--ratio",
            "0.5",
            "--exact",
            "true",
            "--options",
            "{\"depth\": 2}");
    assertThat(i.variables())
        .isEqualTo(
            Map.of(
                "user",
                "a@x",
                "groups",
                List.of("friends", "work"),
                "limit",
                5L,
                "ratio",
                0.5,
                "exact",
                true,
                "options",
                Map.of("depth", 2)));
    assertThat(i.document())
        .isEqualTo(
            "query($user: String!, $groups: [String!]!, $limit: Int, $ratio: Float, $exact:"
                + " Boolean, $options: Opts) { roster { find(user: $user, groups: $groups, limit:"
                + " $limit, ratio: $ratio, exact: $exact, options: $options) { jid groups owner {"
                + " name } } } }");
  }

  @Test
  void optionalArgumentsThatAreNotGivenAreLeftOut() throws Exception {
    Invocation i = invoke("--user=a@x", "--groups", "[]");
    assertThat(i.document()).startsWith("query($user: String!, $groups: [String!]!) {");
  }

  @Test
  void badValuesAreUsageErrors() {
    assertThatThrownBy(() -> invoke("--user", "a", "--groups", "friends"))
        .hasMessageContaining("--groups expects JSON ([String!]!)");
    assertThatThrownBy(() -> invoke("--user", "a", "--groups", "[]", "--exact", "yes"))
        .hasMessageContaining("--exact expects true or false");
    assertThatThrownBy(() -> invoke("--user", "a", "--groups", "[]", "--limit"))
        .hasMessageContaining("--limit needs a value");
    assertThatThrownBy(() -> invoke("--groups", "[]"))
        .hasMessageContaining("missing required argument --user");
    assertThatThrownBy(() -> invoke("--user", "a", "--user", "b", "--groups", "[]"))
        .hasMessageContaining("given twice");
  }
}
