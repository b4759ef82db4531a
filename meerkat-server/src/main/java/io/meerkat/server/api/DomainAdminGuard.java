package io.meerkat.server.api;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.ResultPath;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.normalized.ExecutableNormalizedField;
import graphql.schema.FieldCoordinates;
import io.meerkat.xmpp.Jid;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Enforces the {@link AdminScopes} for domain administrators before anything runs: the operation
 * (with fragments, aliases and variables resolved) is checked whole, and one command out of scope
 * refuses all of it with {@code no_permissions} errors, one per refused command, so a request never
 * half-runs. Requests of the global administrator pass unchecked; introspection is open to all.
 */
final class DomainAdminGuard extends SimplePerformantInstrumentation {

  private final AdminScopes scopes;

  DomainAdminGuard(AdminScopes scopes) {
    this.scopes = scopes;
  }

  @Override
  public InstrumentationContext<ExecutionResult> beginExecuteOperation(
      InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
    ExecutionContext context = parameters.getExecutionContext();
    Optional<String> domain = Caller.adminDomain(context.getGraphQLContext());
    if (domain.isPresent()) {
      List<GraphQLError> refusals = new ArrayList<>();
      for (ExecutableNormalizedField root :
          context.getNormalizedQueryTree().get().getTopLevelFields()) {
        check(root, ResultPath.rootPath(), domain.get(), refusals);
      }
      if (!refusals.isEmpty()) {
        throw new AbortExecutionException(refusals);
      }
    }
    return super.beginExecuteOperation(parameters, state);
  }

  private void check(
      ExecutableNormalizedField field, ResultPath parent, String domain, List<GraphQLError> out) {
    if (field.getName().startsWith("__")) {
      return; // introspection and __typename
    }
    ResultPath path = parent.segment(field.getResultKey());
    for (String typeName : field.getObjectTypeNames()) {
      FieldCoordinates coordinates = FieldCoordinates.coordinates(typeName, field.getName());
      if (!scopes.isCommand(coordinates)) {
        return; // part of a result: its command was checked
      }
      Optional<GraphQLError> refusal = refusal(coordinates, field, path, domain);
      if (refusal.isPresent()) {
        out.add(refusal.get());
        return;
      }
    }
    for (ExecutableNormalizedField child : field.getChildren()) {
      check(child, path, domain, out);
    }
  }

  private Optional<GraphQLError> refusal(
      FieldCoordinates coordinates,
      ExecutableNormalizedField field,
      ResultPath path,
      String domain) {
    String command = coordinates.getTypeName() + "." + coordinates.getFieldName();
    Optional<Scope> scope = scopes.scope(coordinates);
    if (scope.isEmpty() || scope.get().type() == Scope.Type.GLOBAL) {
      return Optional.of(
          error(
              path,
              "Cannot execute " + command + ": only the global administrator may",
              Map.of("type", "global")));
    }
    if (scope.get().type() == Scope.Type.DEFAULT) {
      return Optional.empty();
    }
    List<String> outside =
        scope.get().args().stream()
            .filter(a -> !inDomain(field.getResolvedArguments().get(a), domain))
            .toList();
    if (outside.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        error(
            path,
            "Cannot execute "
                + command
                + " without permissions to the given domain; arguments outside "
                + domain
                + ": "
                + String.join(", ", outside),
            Map.of("type", "domain", "invalid_args", outside)));
  }

  /** A JID or domain name (or a list of them) of the domain; a missing value is not. */
  private static boolean inDomain(Object value, String domain) {
    return switch (value) {
      case Jid jid -> jid.domain().equals(domain);
      case String name -> name.equals(domain);
      case Collection<?> list -> list.stream().allMatch(v -> inDomain(v, domain));
      case null, default -> false;
    };
  }

  private static GraphQLError error(ResultPath path, String message, Map<String, Object> details) {
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("code", "no_permissions");
    extensions.putAll(details);
    return GraphqlErrorBuilder.newError()
        .message(message)
        .path(path)
        .extensions(extensions)
        .build();
  }
}
