package io.meerkat.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.GraphQL;
import graphql.schema.FieldCoordinates;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The whole admin schema as the node builds it: every command declares who may run it, so none is
 * closed to domain administrators by accident, and the global ones are those MongooseIM keeps
 * global.
 */
class AdminScopesTest {

  /** The admin schema of every category, built without a running node (nothing is executed). */
  private static AdminScopes scopes() {
    ApiServices services =
        new ApiServices(
            Set.of("localhost"),
            null,
            null,
            null,
            null,
            null,
            null,
            Set.of(),
            List.of(),
            Clock.systemUTC(),
            Instant.EPOCH,
            () -> {},
            Optional.empty());
    GraphQL graphQL = ApiSchemas.build(Endpoint.ADMIN, ApiCatalog.standard(services), Set.of());
    return AdminScopes.of(graphQL.getGraphQLSchema());
  }

  private static Map<String, Optional<Scope>> byName() {
    Map<String, Optional<Scope>> named = new TreeMap<>();
    for (Map.Entry<FieldCoordinates, Optional<Scope>> e : scopes().commands().entrySet()) {
      named.put(e.getKey().getTypeName() + "." + e.getKey().getFieldName(), e.getValue());
    }
    return named;
  }

  @Test
  void everyCommandOfTheAdminSchemaDeclaresItsScope() {
    Map<String, Optional<Scope>> commands = byName();
    assertThat(commands).hasSizeGreaterThan(60);
    assertThat(
            commands.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(e -> e.getKey()))
        .as("admin commands without @protected (add one to the field or its type)")
        .isEmpty();
  }

  @Test
  void everyCategoryIsOpenToDomainAdministratorsAndDecidesPerCommand() {
    Map<String, Optional<Scope>> commands = byName();
    for (String root : List.of("AdminQuery.", "AdminMutation.", "AdminSubscription.")) {
      commands.entrySet().stream()
          .filter(e -> e.getKey().startsWith(root))
          .forEach(
              e ->
                  assertThat(e.getValue().orElseThrow().type())
                      .as(e.getKey())
                      .isEqualTo(Scope.Type.DEFAULT));
    }
  }

  @Test
  void nodeWideCommandsAreForTheGlobalAdministratorOnly() {
    Map<String, Optional<Scope>> commands = byName();
    for (String global :
        List.of(
            "ServerAdminQuery.status",
            "ServerAdminQuery.getLoglevel",
            "ServerAdminMutation.setLoglevel",
            "ServerAdminMutation.stop",
            "StatAdminQuery.globalStats",
            "StanzaAdminMutation.sendStanza",
            "DomainAdminMutation.deleteDomainPassword")) {
      assertThat(commands.get(global).orElseThrow().type()).as(global).isEqualTo(Scope.Type.GLOBAL);
    }
  }

  @Test
  void domainCommandsCheckTheArgumentsThatSayWhoseDataItIs() {
    Map<String, Optional<Scope>> commands = byName();
    assertThat(commands.get("SessionAdminQuery.listSessions"))
        .contains(new Scope(Scope.Type.DOMAIN, List.of("domain")));
    assertThat(commands.get("DomainAdminMutation.setDomainPassword"))
        .contains(new Scope(Scope.Type.DOMAIN, List.of("domain")));
    assertThat(commands.get("RosterAdminMutation.setMutualSubscription"))
        .contains(new Scope(Scope.Type.DOMAIN, List.of("userA", "userB")));
    assertThat(commands.get("StanzaAdminSubscription.subscribeForMessages"))
        .contains(new Scope(Scope.Type.DOMAIN, List.of("caller")));
    assertThat(commands.get("AccountAdminMutation.registerUser"))
        .contains(new Scope(Scope.Type.DOMAIN, List.of("domain")));
  }
}
