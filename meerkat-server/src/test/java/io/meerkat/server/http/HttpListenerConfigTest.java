package io.meerkat.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meerkat.server.config.ConfigException;
import io.meerkat.server.config.ConfigLoader;
import io.meerkat.server.config.HttpListenerConfig;
import io.meerkat.server.config.MeerkatConfig;
import io.meerkat.server.module.ModuleCatalog;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code [[listen.http]]} and its handlers in the configuration file. */
class HttpListenerConfigTest {

  private static final Path FILE = Path.of("/etc/meerkat/meerkat.toml");

  private static MeerkatConfig load(String toml, Map<String, String> env) throws ConfigException {
    return new ConfigLoader(
            ModuleCatalog.standard().specs(), HttpHandlerSpecs.all(), env::get, Path.of("/opt/mk"))
        .parse(FILE, toml);
  }

  private static String admin(String credentials) {
    return """
        [[listen.http]]
          port = 5551
          ip_address = "127.0.0.1"
          [[listen.http.handlers.mongoose_graphql_handler]]
            host = "_"
            path = "/api/graphql"
            schema_endpoint = "admin"
        %s
        """
        .formatted(credentials);
  }

  @Test
  void theDefaultConfigurationFileDeclaresAdminDomainAdminUserAndMetricsListeners()
      throws Exception {
    MeerkatConfig config =
        new ConfigLoader(
                ModuleCatalog.standard().specs(), HttpHandlerSpecs.all(), k -> null, Path.of(".."))
            .load(Path.of("..", "etc", "meerkat.toml"));
    assertThat(config.httpListeners())
        .extracting(HttpListenerConfig::port)
        .containsExactly(5551, 5541, 5561, 9091);
    HttpListenerConfig admin = config.httpListeners().get(0);
    assertThat(admin.ipAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(admin.handlers().get(0).options().get("password_file", String.class))
        .endsWith("var/admin_password");
  }

  @Test
  void theAdminPasswordCanComeFromTheEnvironment() throws Exception {
    MeerkatConfig config =
        load(
            admin("    username = \"admin\"\n    password = {env = \"MK_ADMIN\"}"),
            Map.of("MK_ADMIN", "from-env"));
    assertThat(
            config.httpListeners().get(0).handlers().get(0).options().get("password", String.class))
        .isEqualTo("from-env");
  }

  @Test
  void anUnsetPasswordVariableIsAnErrorNamingTheLine() {
    assertThatThrownBy(
            () ->
                load(
                    admin("    username = \"admin\"\n    password = {env = \"MK_ADMIN\"}"),
                    Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(FILE + ":9:")
        .hasMessageContaining("MK_ADMIN");
  }

  @Test
  void theAdminEndpointNeedsCredentials() {
    assertThatThrownBy(() -> load(admin(""), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("username: is required for schema_endpoint = \"admin\"")
        .hasMessageContaining("give either password");
  }

  @Test
  void theUserEndpointRefusesAdminCredentials() {
    String toml =
        """
        [[listen.http]]
          port = 5561
          [[listen.http.handlers.mongoose_graphql_handler]]
            path = "/api/graphql"
            schema_endpoint = "user"
            username = "admin"
        """;
    assertThatThrownBy(() -> load(toml, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("the user endpoint authenticates accounts");
  }

  @Test
  void theDomainAdminEndpointRefusesConfiguredCredentials() {
    String toml =
        """
        [[listen.http]]
          port = 5541
          [[listen.http.handlers.mongoose_graphql_handler]]
            path = "/api/graphql"
            schema_endpoint = "domain_admin"
            password = "secret"
        """;
    assertThatThrownBy(() -> load(toml, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("the domain_admin endpoint authenticates admin@<domain>")
        .hasMessageContaining("domain.setDomainPassword");
  }

  @Test
  void unknownHandlersAreRefused() {
    String toml =
        """
        [[listen.http]]
          port = 5280
          [[listen.http.handlers.mod_bosh]]
            path = "/http-bind"
        """;
    assertThatThrownBy(() -> load(toml, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "unknown HTTP handler; known: meerkat_health_handler,"
                + " mongoose_graphql_handler, mongoose_prometheus_handler");
  }

  @Test
  void httpListenersOnlyOfferDirectTls() {
    String toml =
        """
        [[listen.http]]
          port = 9091
          tls.mode = "starttls"
          [[listen.http.handlers.mongoose_prometheus_handler]]
            path = "/metrics"
        """;
    assertThatThrownBy(() -> load(toml, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "listen.http[0].tls.mode: HTTP listeners only support mode = \"tls\"");
  }
}
