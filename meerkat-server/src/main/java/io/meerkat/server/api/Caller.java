package io.meerkat.server.api;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import io.meerkat.xmpp.Jid;
import java.util.List;

/**
 * What a request knows about who sent it, kept in the GraphQL context: the authenticated account on
 * the user endpoint, and work to run once the response has been written (stopping the node).
 */
public final class Caller {

  static final String USER = "meerkat.user";
  static final String AFTER_RESPONSE = "meerkat.afterResponse";

  private Caller() {}

  /** The authenticated account (bare JID) of a user-endpoint request. */
  public static Jid user(DataFetchingEnvironment env) {
    Jid user = env.getGraphQlContext().get(USER);
    if (user == null) {
      throw new IllegalStateException("no authenticated user in this request");
    }
    return user;
  }

  /** Runs {@code task} after the response to this request was sent. */
  public static void afterResponse(DataFetchingEnvironment env, Runnable task) {
    List<Runnable> tasks = env.getGraphQlContext().get(AFTER_RESPONSE);
    tasks.add(task);
  }

  /**
   * Sets up a request's context.
   *
   * @param user the authenticated account, or null for an administrator
   * @param afterResponse collects the tasks to run once the response was sent
   */
  public static void init(GraphQLContext.Builder context, Jid user, List<Runnable> afterResponse) {
    if (user != null) {
      context.of(USER, user);
    }
    context.of(AFTER_RESPONSE, afterResponse);
  }
}
