package io.meerkat.server.api.roster;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import io.meerkat.server.api.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A command run once per element of a list argument: each element's outcome is one entry of the
 * result, and a failed element is a {@code null} entry with its own error whose path ends with the
 * element's index, so one bad element neither hides the others' results nor stops them.
 */
final class EachResult {

  private EachResult() {}

  static <T> DataFetcherResult<List<String>> of(
      DataFetchingEnvironment env, List<T> elements, Function<T, String> command) {
    List<String> results = new ArrayList<>();
    List<GraphQLError> errors = new ArrayList<>();
    ResultPath path = env.getExecutionStepInfo().getPath();
    for (int i = 0; i < elements.size(); i++) {
      try {
        results.add(command.apply(elements.get(i)));
      } catch (ApiException e) {
        results.add(null);
        errors.add(
            GraphqlErrorBuilder.newError()
                .path(path.segment(i))
                .location(env.getField().getSourceLocation())
                .message(e.getMessage())
                .extensions(e.extensions())
                .build());
      }
    }
    return DataFetcherResult.<List<String>>newResult().data(results).errors(errors).build();
  }
}
