package io.meerkat.server.api;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLObjectType;
import graphql.schema.idl.SchemaDirectiveWiring;
import graphql.schema.idl.SchemaDirectiveWiringEnvironment;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code @use(modules: ["mod_x", ...])} on a field or an object type: the field (or every field of
 * the type) answers a {@code deps_not_loaded} error naming the missing modules unless all of them
 * are enabled on this node. The schema stays the same whatever is enabled, so clients and {@code
 * meerkatctl} always see every command.
 */
final class UseDirective implements SchemaDirectiveWiring {

  static final String NAME = "use";

  private final Set<String> enabledModules;

  UseDirective(Set<String> enabledModules) {
    this.enabledModules = Set.copyOf(enabledModules);
  }

  @Override
  public GraphQLFieldDefinition onField(
      SchemaDirectiveWiringEnvironment<GraphQLFieldDefinition> env) {
    guard(env.getCodeRegistry(), env.getFieldsContainer(), env.getElement(), modules(env));
    return env.getElement();
  }

  @Override
  public GraphQLObjectType onObject(SchemaDirectiveWiringEnvironment<GraphQLObjectType> env) {
    List<String> modules = modules(env);
    for (GraphQLFieldDefinition field : env.getElement().getFieldDefinitions()) {
      guard(env.getCodeRegistry(), env.getElement(), field, modules);
    }
    return env.getElement();
  }

  private static List<String> modules(SchemaDirectiveWiringEnvironment<?> env) {
    GraphQLAppliedDirective directive = env.getAppliedDirective(NAME);
    List<String> modules = directive.getArgument("modules").getValue();
    return modules == null ? List.of() : List.copyOf(modules);
  }

  private void guard(
      GraphQLCodeRegistry.Builder registry,
      GraphQLFieldsContainer parent,
      GraphQLFieldDefinition field,
      List<String> modules) {
    List<String> missing = modules.stream().filter(m -> !enabledModules.contains(m)).toList();
    if (missing.isEmpty()) {
      return;
    }
    FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
    DataFetcher<?> refusal =
        env -> {
          throw new ApiException(
              "deps_not_loaded",
              "Some of the required modules are not enabled: " + String.join(", ", missing),
              Map.of("not_loaded_modules", missing));
        };
    registry.dataFetcher(coordinates, refusal);
  }
}
