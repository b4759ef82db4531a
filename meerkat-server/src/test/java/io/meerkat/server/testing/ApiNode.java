package io.meerkat.server.testing;

import java.nio.file.Path;

/**
 * A {@link TestNode} with the four HTTP listeners of the default configuration on free loopback
 * ports: admin GraphQL (credentials {@link #ADMIN_USER}/{@link #ADMIN_PASSWORD}), user GraphQL,
 * metrics with health probes, and domain-admin GraphQL.
 */
public final class ApiNode {

  public static final String ADMIN_USER = "admin";
  public static final String ADMIN_PASSWORD = "Admin-Secret-1";

  public static final String HTTP_LISTENERS =
      """

      [[listen.http]]
        port = 0
        ip_address = "127.0.0.1"
        max_request_size = 65536
        [[listen.http.handlers.mongoose_graphql_handler]]
          host = "_"
          path = "/api/graphql"
          schema_endpoint = "admin"
          username = "%s"
          password = "%s"

      [[listen.http]]
        port = 0
        ip_address = "127.0.0.1"
        [[listen.http.handlers.mongoose_graphql_handler]]
          host = "_"
          path = "/api/graphql"
          schema_endpoint = "user"

      [[listen.http]]
        port = 0
        ip_address = "127.0.0.1"
        [[listen.http.handlers.mongoose_prometheus_handler]]
          host = "_"
          path = "/metrics"
        [[listen.http.handlers.meerkat_health_handler]]
          host = "_"
          path = "/health"

      [[listen.http]]
        port = 0
        ip_address = "127.0.0.1"
        [[listen.http.handlers.mongoose_graphql_handler]]
          host = "_"
          path = "/api/graphql"
          schema_endpoint = "domain_admin"
      """
          .formatted(ADMIN_USER, ADMIN_PASSWORD);

  private ApiNode() {}

  public static TestNode start(Path dataDir) {
    return TestNode.start(dataDir, HTTP_LISTENERS);
  }

  public static GraphqlClient admin(TestNode node) {
    return new GraphqlClient(adminPort(node), ADMIN_USER, ADMIN_PASSWORD);
  }

  public static GraphqlClient user(TestNode node, String jid, String password) {
    return new GraphqlClient(userPort(node), jid, password);
  }

  public static int adminPort(TestNode node) {
    return node.node().httpPorts().get(0);
  }

  public static int userPort(TestNode node) {
    return node.node().httpPorts().get(1);
  }

  public static int metricsPort(TestNode node) {
    return node.node().httpPorts().get(2);
  }

  /** A client of the domain_admin endpoint, as {@code admin@<domain>}. */
  public static GraphqlClient domainAdmin(TestNode node, String domain, String password) {
    return new GraphqlClient(domainAdminPort(node), "admin@" + domain, password);
  }

  public static int domainAdminPort(TestNode node) {
    return node.node().httpPorts().get(3);
  }
}
