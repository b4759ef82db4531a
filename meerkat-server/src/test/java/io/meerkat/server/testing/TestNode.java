package io.meerkat.server.testing;

import io.meerkat.server.MeerkatNode;
import io.meerkat.server.config.ConfigLoader;
import io.meerkat.server.config.MeerkatConfig;
import io.meerkat.server.http.HttpHandlerSpecs;
import io.meerkat.server.module.ModuleCatalog;
import java.nio.file.Path;

/**
 * A whole Meerkat node for tests: embedded H2 in a temporary data directory, listeners on free
 * loopback ports. Listener 0 requires STARTTLS, listener 1 is Direct TLS, listener 2 offers
 * optional STARTTLS; extra TOML is appended to the configuration.
 */
public final class TestNode implements AutoCloseable {

  public static final String DOMAIN = "localhost";

  private final MeerkatNode node;

  private TestNode(MeerkatNode node) {
    this.node = node;
  }

  public static TestNode start(Path dataDir, String extraToml) {
    String toml =
        """
        [general]
          hosts = ["localhost", "example.com"]
          data_dir = "%s"
          loglevel = "warning"

        [[listen.c2s]]
          port = 0
          ip_address = "127.0.0.1"
          state_timeout = 1500
          max_stanza_size = 8192
          tls.mode = "starttls_required"

        [[listen.c2s]]
          port = 0
          ip_address = "127.0.0.1"
          tls.mode = "tls"

        [[listen.c2s]]
          port = 0
          ip_address = "127.0.0.1"
          tls.mode = "starttls"
          tls.provider = "jdk"

        [auth]
          password.hash = ["sha", "sha256", "sha512"]
          password.scram_iterations = 64

        [modules.mod_register]
        """
                .formatted(dataDir.toString().replace("\\", "/"))
            + extraToml;
    try {
      ModuleCatalog catalog = ModuleCatalog.standard();
      MeerkatConfig config =
          new ConfigLoader(catalog.specs(), HttpHandlerSpecs.all(), k -> null, dataDir)
              .parse(dataDir.resolve("test.toml"), toml);
      return new TestNode(MeerkatNode.start(config, catalog));
    } catch (Exception e) {
      throw new IllegalStateException("test node did not start: " + e.getMessage(), e);
    }
  }

  public static TestNode start(Path dataDir) {
    return start(dataDir, "");
  }

  public MeerkatNode node() {
    return node;
  }

  public int starttlsPort() {
    return node.c2sPorts().get(0);
  }

  public int directTlsPort() {
    return node.c2sPorts().get(1);
  }

  public int optionalTlsPort() {
    return node.c2sPorts().get(2);
  }

  @Override
  public void close() {
    node.close();
  }
}
