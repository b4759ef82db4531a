package io.meerkat.server.api;

import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scope of every admin command, read from the {@code @protected} directives of the schema. The
 * commands are the fields of the root types (categories and {@code checkAuth}) and the fields of
 * the types those return (the commands of each category). A field takes its own directive, or else
 * the one on its type; a command with neither has no scope, and domain administrators may not run
 * it: forgetting the directive closes a command, it never opens one.
 */
final class AdminScopes {

  static final String DIRECTIVE = "protected";
  private static final Set<String> DOMAIN_SCALARS = Set.of("JID", "DomainName");

  private final Map<FieldCoordinates, Optional<Scope>> commands;

  private AdminScopes(Map<FieldCoordinates, Optional<Scope>> commands) {
    this.commands = commands;
  }

  /**
   * Reads the scopes of an admin schema.
   *
   * @throws IllegalStateException when a {@code DOMAIN} scope names no argument, or one that the
   *     field does not have or that is not a JID or domain name
   */
  static AdminScopes of(GraphQLSchema schema) {
    Map<FieldCoordinates, Optional<Scope>> commands = new LinkedHashMap<>();
    for (GraphQLObjectType root : roots(schema)) {
      for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
        commands.put(FieldCoordinates.coordinates(root, field), scope(root, field));
        if (GraphQLTypeUtil.unwrapAll(field.getType()) instanceof GraphQLObjectType category) {
          for (GraphQLFieldDefinition command : category.getFieldDefinitions()) {
            commands.put(FieldCoordinates.coordinates(category, command), scope(category, command));
          }
        }
      }
    }
    return new AdminScopes(commands);
  }

  /** Every command with its scope; empty for commands without one. */
  Map<FieldCoordinates, Optional<Scope>> commands() {
    return Map.copyOf(commands);
  }

  /** Whether the field is a command (else it is part of a command's result). */
  boolean isCommand(FieldCoordinates field) {
    return commands.containsKey(field);
  }

  /** The scope of a command; empty when it has none. */
  Optional<Scope> scope(FieldCoordinates command) {
    return commands.getOrDefault(command, Optional.empty());
  }

  private static List<GraphQLObjectType> roots(GraphQLSchema schema) {
    List<GraphQLObjectType> roots = new ArrayList<>();
    roots.add(schema.getQueryType());
    if (schema.getMutationType() != null) {
      roots.add(schema.getMutationType());
    }
    if (schema.getSubscriptionType() != null) {
      roots.add(schema.getSubscriptionType());
    }
    return roots;
  }

  private static Optional<Scope> scope(GraphQLObjectType owner, GraphQLFieldDefinition field) {
    GraphQLAppliedDirective directive = field.getAppliedDirective(DIRECTIVE);
    if (directive == null) {
      directive = owner.getAppliedDirective(DIRECTIVE);
    }
    if (directive == null) {
      return Optional.empty();
    }
    Object typeValue = directive.getArgument("type").getValue();
    Scope.Type type = Scope.Type.valueOf(String.valueOf(typeValue));
    List<String> args = directive.getArgument("args").getValue();
    Scope scope = new Scope(type, args == null ? List.of() : args);
    if (type == Scope.Type.DOMAIN) {
      check(owner, field, scope);
    }
    return Optional.of(scope);
  }

  private static void check(GraphQLObjectType owner, GraphQLFieldDefinition field, Scope scope) {
    String where = owner.getName() + "." + field.getName();
    if (scope.args().isEmpty()) {
      throw new IllegalStateException(where + ": @protected(type: DOMAIN) names no argument");
    }
    for (String name : scope.args()) {
      GraphQLArgument argument = field.getArgument(name);
      if (argument == null) {
        throw new IllegalStateException(where + ": @protected names no argument " + name);
      }
      GraphQLType type = GraphQLTypeUtil.unwrapAll(argument.getType());
      if (!(type instanceof GraphQLNamedType named) || !DOMAIN_SCALARS.contains(named.getName())) {
        throw new IllegalStateException(
            where + ": @protected argument " + name + " is not a JID or a DomainName");
      }
    }
  }
}
