package io.meerkat.cli;

import io.meerkat.server.MeerkatNode;
import io.meerkat.server.config.ConfigLoader;
import io.meerkat.server.http.HttpHandlerSpecs;
import io.meerkat.server.module.ModuleCatalog;
import io.meerkat.testkit.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A node for CLI tests, started in-process from a configuration file on fixed free ports (the CLI
 * finds the admin endpoint by reading that file, as it does for a real install). The admin password
 * lives in a password file the node generates (an absolute path, as the CLI's install directory is
 * the checkout).
 */
final class CliNode implements AutoCloseable {

  final Path home;
  final Path config;
  final int adminPort;
  final int userPort;
  final int c2sPort;
  final MeerkatNode node;

  CliNode(Path home) throws Exception {
    this(home, false);
  }

  /**
   * @param clustered whether the node runs as a one-node cluster (file discovery listing itself),
   *     so that the {@code cets} commands have a cluster to report on
   */
  CliNode(Path home, boolean clustered) throws Exception {
    this.home = home;
    this.adminPort = FreePorts.next();
    this.userPort = FreePorts.next();
    this.c2sPort = FreePorts.next();
    this.config = home.resolve("etc/meerkat.toml");
    Files.createDirectories(config.getParent());
    Files.writeString(
        config,
        """
        [general]
          hosts = ["localhost"]
          node_name = "cli@localhost"
          data_dir = "var"
        [[listen.c2s]]
          port = %d
          ip_address = "127.0.0.1"
        [auth]
          password.scram_iterations = 64
        [modules.mod_roster]
        [modules.mod_vcard]
        [[listen.http]]
          port = %d
          ip_address = "127.0.0.1"
          [[listen.http.handlers.mongoose_graphql_handler]]
            host = "_"
            path = "/api/graphql"
            schema_endpoint = "admin"
            username = "admin"
            password_file = "%s"
        [[listen.http]]
          port = %d
          ip_address = "127.0.0.1"
          [[listen.http.handlers.mongoose_graphql_handler]]
            host = "_"
            path = "/api/graphql"
            schema_endpoint = "user"
        """
                .formatted(c2sPort, adminPort, home.resolve("var/admin_password"), userPort)
            + (clustered ? clusterToml() : ""));
    ModuleCatalog catalog = ModuleCatalog.standard();
    this.node =
        MeerkatNode.start(
            new ConfigLoader(catalog.specs(), HttpHandlerSpecs.all(), k -> null, home).load(config),
            catalog);
  }

  private String clusterToml() throws Exception {
    int clusterPort = FreePorts.next();
    Path nodeList = home.resolve("etc/cets_disco.txt");
    Files.writeString(nodeList, "cli@localhost 127.0.0.1:" + clusterPort + "\n");
    return """
        [internal_databases.cets]
          backend = "file"
          node_list_file = "%s"
          listen_address = "127.0.0.1"
          port = %d
          secret = "secret-of-the-cli-tests"
        """
        .formatted(nodeList, clusterPort);
  }

  @Override
  public void close() {
    node.close();
  }
}
