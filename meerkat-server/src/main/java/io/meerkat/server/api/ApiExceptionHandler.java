package io.meerkat.server.api;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what data fetchers throw into GraphQL errors: {@link ApiException}s keep their message and
 * code; anything else is logged and reported as {@code internal_server_error} without details.
 */
final class ApiExceptionHandler implements DataFetcherExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @Override
  public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
      DataFetcherExceptionHandlerParameters parameters) {
    Throwable e = unwrap(parameters.getException());
    GraphqlErrorBuilder<?> builder =
        GraphqlErrorBuilder.newError()
            .path(parameters.getPath())
            .location(parameters.getSourceLocation());
    GraphQLError error;
    if (e instanceof ApiException api) {
      error = builder.message(api.getMessage()).extensions(api.extensions()).build();
    } else {
      LOG.error("GraphQL field {} failed", parameters.getPath(), e);
      error =
          builder
              .message("Internal server error")
              .extensions(Map.of("code", "internal_server_error"))
              .build();
    }
    return CompletableFuture.completedFuture(
        DataFetcherExceptionHandlerResult.newResult(error).build());
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
