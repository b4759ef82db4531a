package io.meerkat.server.config;

import io.meerkat.server.config.spec.ConfigSpec;
import io.meerkat.server.config.spec.Option;
import io.meerkat.server.config.spec.OptionType;
import io.meerkat.xmpp.Jid;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The option specs of the core sections of {@code meerkat.toml}. Module and HTTP handler options
 * come from each feature's own spec, passed in as registries.
 */
public final class CoreConfigSpec {

  static final Set<String> LOG_LEVELS =
      Set.of(
          "none",
          "emergency",
          "alert",
          "critical",
          "error",
          "warning",
          "notice",
          "info",
          "debug",
          "all");
  static final Set<String> HASHES = Set.of("sha", "sha224", "sha256", "sha384", "sha512");

  private CoreConfigSpec() {}

  /** The whole file. */
  public static ConfigSpec root(
      Map<String, ConfigSpec> modules, Map<String, ConfigSpec> httpHandlers) {
    return ConfigSpec.builder()
        .section("general", general(), "Server-wide settings.")
        .section("listen", listen(httpHandlers), "Listeners.")
        .section("auth", auth(), "Authentication.")
        .section("outgoing_pools", outgoingPools(), "Connection pools.")
        .section("internal_databases", internalDatabases(), "Clustering.")
        .option(
            new Option(
                "modules",
                new OptionType.Registry("module", modules),
                Map.of(),
                false,
                "Feature modules to enable, each with its options."))
        .namedMap(
            "shaper",
            new OptionType.Section(
                ConfigSpec.builder()
                    .requiredInteger("max_rate", 1, Long.MAX_VALUE, "Bytes per second.")
                    .build()),
            "Traffic shapers by name.")
        .namedMap(
            "acl",
            new OptionType.ListOf(new OptionType.Section(aclSpec()), false),
            "Access classes.")
        .namedMap(
            "access",
            new OptionType.ListOf(new OptionType.Section(accessRuleSpec()), false),
            "Access rules.")
        .option(
            unsupported(
                "host_config",
                "per-host configuration overrides are not supported yet; use one configuration for"
                    + " all hosts"))
        .option(unsupported("s2s", "server-to-server federation is not supported yet"))
        .option(unsupported("services", "no services are available yet"))
        .build();
  }

  static ConfigSpec general() {
    return ConfigSpec.builder()
        .option(
            new Option(
                "hosts",
                new OptionType.ListOf(
                    new OptionType.Text(Set.of(), false, CoreConfigSpec::checkDomain), true),
                List.of("localhost"),
                false,
                "XMPP domains served by this server."))
        .string(
            "default_server_domain",
            null,
            CoreConfigSpec::checkDomain,
            "Domain used in stream errors to clients that named no valid domain; defaults to the"
                + " first host.")
        .oneOf("loglevel", "warning", LOG_LEVELS, "Log level; changeable at runtime.")
        .string("language", "en", "Default xml:lang of the server's own messages.")
        .string(
            "data_dir",
            "var",
            "Directory for the embedded database and generated keys, relative to the install"
                + " directory.")
        .string(
            "node_name",
            null,
            "This node's name in the cluster; defaults to the environment variable"
                + " MEERKAT_NODE_NAME, else meerkat@<host name>.")
        .millis(
            "replaced_wait_timeout",
            2000,
            0,
            "How long a new session waits for the session it replaces to close.")
        .build();
  }

  static ConfigSpec listen(Map<String, ConfigSpec> httpHandlers) {
    return ConfigSpec.builder()
        .sections("c2s", c2s(), "Client-to-server listeners.")
        .sections("http", http(httpHandlers), "HTTP listeners.")
        .option(unsupported("s2s", "server-to-server listeners are not supported yet"))
        .option(unsupported("component", "external component listeners are not supported yet"))
        .build();
  }

  static ConfigSpec c2s() {
    return ConfigSpec.builder()
        .requiredInteger("port", 0, 65535, "TCP port (0 picks a free port).")
        .string("ip_address", "0.0.0.0", CoreConfigSpec::checkIp, "Address to bind.")
        .section("tls", tls("starttls_required"), "TLS settings.")
        .integerOrInfinity("max_stanza_size", 65536, 1024, "Largest accepted stanza in bytes.")
        .millis(
            "state_timeout",
            5000,
            100,
            "Time allowed for each negotiation step before authentication completes.")
        .integer("backlog", 1024, 1, 65535, "TCP accept backlog.")
        .integerOrInfinity("max_connections", Long.MAX_VALUE, 1, "Connection limit.")
        .string("access", "c2s", "Access rule deciding who may log in.")
        .string("shaper", "none", "Shaper limiting inbound traffic per connection.")
        .bool(
            "backwards_compatible_session",
            true,
            "Advertise the RFC 3921 session feature (clients that need it send the session IQ).")
        .list(
            "allowed_auth_methods",
            ConfigSpec.text(Set.of("rdbms"), false),
            List.of(),
            "Auth methods allowed on this listener; empty means all.")
        .build();
  }

  static ConfigSpec tls(String defaultMode) {
    return ConfigSpec.builder()
        .oneOf(
            "mode",
            defaultMode,
            Set.of("tls", "starttls", "starttls_required"),
            "Direct TLS, optional STARTTLS or required STARTTLS.")
        .string("certfile", null, "PEM certificate chain; default: a generated self-signed one.")
        .string("keyfile", null, "PEM private key (may also be appended to certfile).")
        .secret("password", null, "Password of an encrypted private key.")
        .list(
            "versions",
            ConfigSpec.text(Set.of("tlsv1.2", "tlsv1.3"), false),
            List.of("tlsv1.2", "tlsv1.3"),
            "Allowed TLS versions.")
        .list(
            "ciphers",
            ConfigSpec.text(Set.of(), false),
            List.of(),
            "Cipher suites; empty: defaults.")
        .oneOf(
            "provider",
            "openssl",
            Set.of("openssl", "jdk"),
            "TLS implementation; openssl falls back to jdk when the native library is missing.")
        .build();
  }

  static ConfigSpec http(Map<String, ConfigSpec> handlers) {
    return ConfigSpec.builder()
        .requiredInteger("port", 0, 65535, "TCP port (0 picks a free port).")
        .string("ip_address", "0.0.0.0", CoreConfigSpec::checkIp, "Address to bind.")
        .section(
            "tls", tls("tls"), "HTTPS settings (mode must be \"tls\"); absent means plain HTTP.")
        .integer(
            "max_request_size",
            1_048_576,
            1024,
            Integer.MAX_VALUE,
            "Largest accepted request body in bytes; larger requests get 413.")
        .option(
            new Option(
                "handlers",
                new OptionType.Registry("HTTP handler", handlers),
                Map.of(),
                false,
                "Request handlers by type."))
        .build();
  }

  static ConfigSpec auth() {
    return ConfigSpec.builder()
        .list(
            "methods",
            ConfigSpec.text(Set.of("rdbms"), false),
            List.of("rdbms"),
            "Authentication methods in order.")
        .list("sasl_mechanisms", ConfigSpec.text(Set.of(), false), List.of(), "Offered mechanisms.")
        .section(
            "password",
            ConfigSpec.builder()
                .oneOf("format", "scram", Set.of("scram", "plain"), "How passwords are stored.")
                .list(
                    "hash",
                    ConfigSpec.text(HASHES, false),
                    List.of("sha", "sha224", "sha256", "sha384", "sha512"),
                    "SCRAM hashes to store credentials for.")
                .integer("scram_iterations", 10_000, 1, 10_000_000, "PBKDF2 iteration count.")
                .build(),
            "Password storage.")
        .section("rdbms", ConfigSpec.EMPTY, "Enables the rdbms method (no options).")
        .integerOrInfinity("max_users_per_domain", Long.MAX_VALUE, 1, "Account limit per domain.")
        .build();
  }

  static ConfigSpec outgoingPools() {
    ConfigSpec connection =
        ConfigSpec.builder()
            .oneOf("driver", "h2", Set.of("h2", "pgsql"), "Database kind.")
            .string("host", "localhost", "Database host (pgsql).")
            .integer("port", 5432, 1, 65535, "Database port (pgsql).")
            .string("database", "meerkat", "Database name; for h2 the file name in the data dir.")
            .string("username", "meerkat", "Database user.")
            .secret("password", null, "Database password.")
            .millis("query_timeout", 5000, 100, "Statement timeout.")
            .section(
                "tls",
                ConfigSpec.builder()
                    .bool("required", false, "Require TLS to the database.")
                    .build(),
                "TLS to the database.")
            .build();
    ConfigSpec pool =
        ConfigSpec.builder()
            .oneOf("scope", "global", Set.of("global"), "Pool scope.")
            .integer("workers", 10, 1, 1000, "Maximum number of connections.")
            .section("connection", connection, "Connection settings.")
            .build();
    return ConfigSpec.builder()
        .namedMap("rdbms", new OptionType.Section(pool), "Relational database pools by tag.")
        .build();
  }

  static ConfigSpec internalDatabases() {
    ConfigSpec cets =
        ConfigSpec.builder()
            .oneOf("backend", "rdbms", Set.of("rdbms", "file"), "Node discovery backend.")
            .string("cluster_name", "meerkat", "Only nodes with the same name form a cluster.")
            .string("node_list_file", null, "File backend: one node per line.")
            .string("listen_address", "0.0.0.0", CoreConfigSpec::checkIp, "Cluster port address.")
            .integer("port", 9100, 0, 65535, "Cluster port.")
            .string(
                "advertised_address",
                null,
                "host:port other nodes use to reach this one; default from MEERKAT_NODE_IP.")
            .secret("secret", null, "Shared cluster secret (required).")
            .millis("node_expiry", 3_600_000, 1000, "Remove rdbms entries not refreshed this long.")
            .build();
    return ConfigSpec.builder()
        .section("cets", cets, "CETS clustering.")
        .option(
            unsupported(
                "mnesia",
                "Meerkat replaces Mnesia with CETS: nodes discover each other and replicate their"
                    + " in-memory tables without join_cluster or persistent volumes. Remove"
                    + " [internal_databases.mnesia] and use:\n"
                    + "    [internal_databases.cets]\n"
                    + "      backend = \"rdbms\"          # or \"file\" with node_list_file\n"
                    + "      cluster_name = \"meerkat\"\n"
                    + "      secret = {env = \"MEERKAT_CLUSTER_SECRET\"}"))
        .build();
  }

  static ConfigSpec aclSpec() {
    ConfigSpec.Builder b =
        ConfigSpec.builder()
            .oneOf(
                "match",
                "current_domain",
                Set.of("all", "none", "current_domain", "any_hosted_domain"),
                "Which JIDs match.");
    for (String field :
        List.of(
            "user",
            "server",
            "resource",
            "user_regexp",
            "server_regexp",
            "resource_regexp",
            "user_glob",
            "server_glob",
            "resource_glob")) {
      b.string(field, null, "Match on " + field.replace('_', ' ') + ".");
    }
    return b.build();
  }

  static ConfigSpec accessRuleSpec() {
    return ConfigSpec.builder()
        .requiredString("acl", "Access class name.")
        .option(
            new Option(
                "value",
                new OptionType.TextOrInt(),
                null,
                true,
                "allow, deny, a number or a shaper."))
        .build();
  }

  private static Option unsupported(String name, String reason) {
    return new Option(name, new OptionType.Unsupported(reason), null, false, reason);
  }

  static String checkDomain(String value) {
    try {
      Jid jid = Jid.parse(value);
      return jid.isDomain() ? null : "\"" + value + "\" is not a domain";
    } catch (IllegalArgumentException e) {
      return "\"" + value + "\" is not a valid domain: " + e.getMessage();
    }
  }

  static String checkIp(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
        return "\"" + value + "\" is not an IP address";
      }
    }
    try {
      InetAddress.getByName(value);
      return null;
    } catch (UnknownHostException e) {
      return "\"" + value + "\" is not an IP address";
    }
  }
}
