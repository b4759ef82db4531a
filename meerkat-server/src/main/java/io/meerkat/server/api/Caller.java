package io.meerkat.server.api;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import io.meerkat.xmpp.Jid;
import java.util.List;
import java.util.Optional;

/**
 * What a request knows about who sent it, kept in the GraphQL context: the authenticated account on
 * the user endpoint, the domain of a domain administrator on the admin schema, and work to run once
 * the response has been written (stopping the node).
 */
public final class Caller {

  static final String USER = "meerkat.user";
  static final String AFTER_RESPONSE = "meerkat.afterResponse";
  static final String ADMIN_DOMAIN = "meerkat.adminDomain";

  private Caller() {}

  /** The authenticated account (bare JID) of a user-endpoint request. */
  public static Jid user(DataFetchingEnvironment env) {
    Jid user = env.getGraphQlContext().get(USER);
    if (user == null) {
      throw new IllegalStateException("no authenticated user in this request");
    }
    return user;
  }

  /** The domain of a domain administrator; empty for the global administrator and users. */
  public static Optional<String> adminDomain(GraphQLContext context) {
    return Optional.ofNullable(context.get(ADMIN_DOMAIN));
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
   * @param adminDomain the domain of a domain administrator, or null
   * @param afterResponse collects the tasks to run once the response was sent
   */
  public static void init(
      GraphQLContext.Builder context, Jid user, String adminDomain, List<Runnable> afterResponse) {
    if (user != null) {
      context.of(USER, user);
    }
    if (adminDomain != null) {
      context.of(ADMIN_DOMAIN, adminDomain);
    }
    context.of(AFTER_RESPONSE, afterResponse);
  }
}
