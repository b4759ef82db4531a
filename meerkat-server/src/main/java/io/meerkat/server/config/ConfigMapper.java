package io.meerkat.server.config;

import io.meerkat.server.auth.ScramHash;
import io.meerkat.server.config.AccessConfig.AccessRule;
import io.meerkat.server.config.AclConfig.AclSpec;
import io.meerkat.server.config.AuthConfig.PasswordConfig;
import io.meerkat.server.config.AuthConfig.PasswordFormat;
import io.meerkat.server.config.HttpListenerConfig.HttpHandlerConfig;
import io.meerkat.server.config.TlsConfig.TlsMode;
import io.meerkat.server.config.spec.ConfigValues;
import io.meerkat.server.config.spec.SpecValidator;
import io.meerkat.xmpp.Jid;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/** Turns validated values into the config records and runs the checks that span options. */
final class ConfigMapper {

  private final TomlTable toml;
  private final SpecValidator validator;
  private final Function<String, String> environment;
  private final Path installDir;

  ConfigMapper(
      String label,
      TomlTable toml,
      SpecValidator validator,
      Function<String, String> environment,
      Path installDir) {
    this.toml = toml;
    this.validator = validator;
    this.environment = environment;
    this.installDir = installDir;
  }

  MeerkatConfig map(Path source, ConfigValues root) {
    Map<String, ShaperConfig> shapers = shapers(root);
    AclConfig acl = acl(root);
    AccessConfig access = access(root, acl, shapers);
    ConfigValues listen = root.section("listen").orElseThrow();
    List<C2sListenerConfig> c2s = new ArrayList<>();
    List<ConfigValues> c2sValues = listen.sections("c2s");
    for (int i = 0; i < c2sValues.size(); i++) {
      c2s.add(c2sListener(c2sValues.get(i), "listen.c2s[" + i + "]", access, shapers));
    }
    List<HttpListenerConfig> http = new ArrayList<>();
    List<ConfigValues> httpValues = listen.sections("http");
    for (int i = 0; i < httpValues.size(); i++) {
      boolean hasTls = toml.getArray("listen.http").getTable(i).contains("tls");
      http.add(httpListener(httpValues.get(i), hasTls, "listen.http[" + i + "]"));
    }
    Map<String, ModuleOptions> modules = new LinkedHashMap<>();
    root.<ConfigValues>map("modules")
        .forEach((name, values) -> modules.put(name, new ModuleOptions(values.values())));
    return new MeerkatConfig(
        source,
        general(root.section("general").orElseThrow()),
        List.copyOf(c2s),
        List.copyOf(http),
        auth(root.section("auth").orElseThrow()),
        pools(root.section("outgoing_pools").orElseThrow()),
        cets(root.section("internal_databases").orElseThrow()),
        Map.copyOf(modules),
        acl,
        access,
        shapers);
  }

  private GeneralConfig general(ConfigValues g) {
    List<String> hosts =
        g.<String>list("hosts").stream().map(h -> Jid.ofDomain(h).domain()).distinct().toList();
    String defaultDomain =
        g.findString("default_server_domain")
            .map(d -> Jid.ofDomain(d).domain())
            .orElse(hosts.get(0));
    if (!hosts.contains(defaultDomain)) {
      error("general.default_server_domain", "must be one of the hosts " + hosts);
    }
    String nodeName = g.findString("node_name").orElseGet(this::defaultNodeName);
    return new GeneralConfig(
        hosts,
        defaultDomain,
        g.string("loglevel"),
        g.string("language"),
        resolve(g.string("data_dir")),
        nodeName,
        g.duration("replaced_wait_timeout").toMillis());
  }

  /**
   * The environment's {@code MEERKAT_NODE_NAME} (set per pod or per systemd unit, so one file
   * serves every node), else {@code meerkat@<HOSTNAME>}.
   */
  private String defaultNodeName() {
    String fromEnvironment = environment.apply("MEERKAT_NODE_NAME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment.strip();
    }
    String host = environment.apply("HOSTNAME");
    return "meerkat@" + (host == null || host.isBlank() ? "localhost" : host);
  }

  private C2sListenerConfig c2sListener(
      ConfigValues c, String path, AccessConfig access, Map<String, ShaperConfig> shapers) {
    String accessRule = c.string("access");
    if (!access.rules().containsKey(accessRule)) {
      error(path + ".access", "no access rule named \"" + accessRule + "\"");
    }
    String shaper = c.string("shaper");
    if (!shaper.equals("none")
        && !shapers.containsKey(shaper)
        && !access.rules().containsKey(shaper)) {
      error(path + ".shaper", "no shaper or access rule named \"" + shaper + "\"");
    }
    return new C2sListenerConfig(
        address(c.string("ip_address")),
        c.intValue("port"),
        tls(c.section("tls").orElseThrow()),
        c.intValue("max_stanza_size"),
        c.duration("state_timeout"),
        c.intValue("backlog"),
        c.intValue("max_connections"),
        accessRule,
        shaper,
        c.bool("backwards_compatible_session"),
        c.list("allowed_auth_methods"));
  }

  private TlsConfig tls(ConfigValues t) {
    return new TlsConfig(
        TlsMode.valueOf(t.string("mode").toUpperCase(Locale.ROOT)),
        t.findString("certfile").map(this::resolve),
        t.findString("keyfile").map(this::resolve),
        t.findString("password"),
        t.list("versions"),
        t.list("ciphers"),
        TlsConfig.Provider.valueOf(t.string("provider").toUpperCase(Locale.ROOT)));
  }

  private HttpListenerConfig httpListener(ConfigValues h, boolean hasTls, String path) {
    List<HttpHandlerConfig> handlers = new ArrayList<>();
    h.<Object>map("handlers")
        .forEach(
            (type, value) -> {
              List<?> entries = value instanceof List<?> list ? list : List.of(value);
              for (int i = 0; i < entries.size(); i++) {
                Map<String, Object> options =
                    new LinkedHashMap<>(((ConfigValues) entries.get(i)).values());
                String host = String.valueOf(options.remove("host"));
                String handlerPath = String.valueOf(options.remove("path"));
                String where =
                    path + ".handlers." + type + (value instanceof List ? "[" + i + "]" : "");
                if (options.get("password_file") instanceof String file) {
                  options.put("password_file", resolve(file).toString());
                }
                checkGraphqlHandler(type, options, where);
                handlers.add(
                    new HttpHandlerConfig(type, host, handlerPath, new ModuleOptions(options)));
              }
            });
    Optional<TlsConfig> tls = hasTls ? h.section("tls").map(this::tls) : Optional.empty();
    if (tls.isPresent() && tls.get().mode() != TlsMode.TLS) {
      error(path + ".tls.mode", "HTTP listeners only support mode = \"tls\" (HTTPS)");
    }
    return new HttpListenerConfig(
        address(h.string("ip_address")),
        h.intValue("port"),
        tls,
        h.intValue("max_request_size"),
        List.copyOf(handlers));
  }

  /**
   * The admin endpoint needs credentials; the user and domain_admin endpoints check the accounts'
   * and the domain administrators' own.
   */
  private void checkGraphqlHandler(String type, Map<String, Object> options, String where) {
    if (!type.equals("mongoose_graphql_handler")) {
      return;
    }
    boolean admin = "admin".equals(options.get("schema_endpoint"));
    boolean hasUser = options.get("username") != null;
    boolean hasPassword = options.get("password") != null;
    boolean hasFile = options.get("password_file") != null;
    if (admin && !hasUser) {
      error(where + ".username", "is required for schema_endpoint = \"admin\"");
    }
    if (admin && hasPassword == hasFile) {
      error(
          where + ".password",
          "give either password (e.g. {env = \"MEERKAT_ADMIN_PASSWORD\"}) or password_file for"
              + " schema_endpoint = \"admin\"");
    }
    if (!admin && (hasUser || hasPassword || hasFile)) {
      error(
          where + ".username",
          "domain_admin".equals(options.get("schema_endpoint"))
              ? "the domain_admin endpoint authenticates admin@<domain> with the password set by"
                  + " domain.setDomainPassword; remove username/password/password_file"
              : "the user endpoint authenticates accounts with their own JID and password; remove"
                  + " username/password/password_file");
    }
  }

  private AuthConfig auth(ConfigValues a) {
    ConfigValues p = a.section("password").orElseThrow();
    Set<ScramHash> hashes = EnumSet.noneOf(ScramHash.class);
    for (String name : p.<String>list("hash")) {
      for (ScramHash h : ScramHash.values()) {
        if (h.configName().equals(name)) {
          hashes.add(h);
        }
      }
    }
    if (hashes.isEmpty()) {
      error("auth.password.hash", "must name at least one hash");
    }
    return new AuthConfig(
        a.list("methods"),
        a.list("sasl_mechanisms"),
        new PasswordConfig(
            PasswordFormat.valueOf(p.string("format").toUpperCase(Locale.ROOT)),
            Set.copyOf(hashes.isEmpty() ? EnumSet.allOf(ScramHash.class) : hashes),
            p.intValue("scram_iterations")),
        a.intValue("max_users_per_domain"));
  }

  private Map<String, RdbmsPoolConfig> pools(ConfigValues o) {
    Map<String, RdbmsPoolConfig> pools = new LinkedHashMap<>();
    o.<ConfigValues>map("rdbms")
        .forEach(
            (tag, pool) -> {
              ConfigValues c = pool.section("connection").orElseThrow();
              RdbmsPoolConfig.Driver driver =
                  RdbmsPoolConfig.Driver.valueOf(c.string("driver").toUpperCase(Locale.ROOT));
              pools.put(
                  tag,
                  new RdbmsPoolConfig(
                      tag,
                      driver,
                      c.string("host"),
                      c.intValue("port"),
                      c.string("database"),
                      c.string("username"),
                      c.findString("password"),
                      c.section("tls").orElseThrow().bool("required"),
                      pool.intValue("workers"),
                      c.duration("query_timeout")));
            });
    pools.putIfAbsent(
        "default",
        new RdbmsPoolConfig(
            "default",
            RdbmsPoolConfig.Driver.H2,
            "localhost",
            0,
            "meerkat",
            "meerkat",
            Optional.empty(),
            false,
            10,
            Duration.ofSeconds(5)));
    return Map.copyOf(pools);
  }

  private Optional<CetsConfig> cets(ConfigValues internal) {
    if (!toml.contains("internal_databases.cets")) {
      return Optional.empty();
    }
    ConfigValues c = internal.section("cets").orElseThrow();
    CetsConfig.Backend backend =
        CetsConfig.Backend.valueOf(c.string("backend").toUpperCase(Locale.ROOT));
    Optional<Path> nodeListFile = c.findString("node_list_file").map(this::resolve);
    if (backend == CetsConfig.Backend.FILE && nodeListFile.isEmpty()) {
      error("internal_databases.cets.node_list_file", "is required when backend = \"file\"");
    }
    Optional<String> secret = c.findString("secret");
    if (secret.isEmpty()) {
      error(
          "internal_databases.cets.secret",
          "is required: nodes authenticate each other with it (for example secret = {env ="
              + " \"MEERKAT_CLUSTER_SECRET\"})");
    }
    Optional<String> advertised =
        c.findString("advertised_address")
            .or(
                () ->
                    Optional.ofNullable(environment.apply("MEERKAT_NODE_IP"))
                        .filter(ip -> !ip.isBlank())
                        .map(ip -> ip + ":" + c.intValue("port")));
    return Optional.of(
        new CetsConfig(
            backend,
            c.string("cluster_name"),
            nodeListFile,
            new InetSocketAddress(address(c.string("listen_address")), c.intValue("port")),
            advertised,
            secret.orElse(""),
            c.duration("node_expiry")));
  }

  private Map<String, ShaperConfig> shapers(ConfigValues root) {
    Map<String, ShaperConfig> shapers = new LinkedHashMap<>();
    root.<ConfigValues>map("shaper")
        .forEach((name, s) -> shapers.put(name, new ShaperConfig(name, s.integer("max_rate"))));
    return Map.copyOf(shapers);
  }

  private AclConfig acl(ConfigValues root) {
    Map<String, List<AclSpec>> classes = new LinkedHashMap<>();
    root.<List<ConfigValues>>map("acl")
        .forEach(
            (name, specs) ->
                classes.put(
                    name,
                    specs.stream()
                        .map(
                            s ->
                                new AclSpec(
                                    s.string("match"),
                                    s.string("user"),
                                    s.string("server"),
                                    s.string("resource"),
                                    s.string("user_regexp"),
                                    s.string("server_regexp"),
                                    s.string("resource_regexp"),
                                    s.string("user_glob"),
                                    s.string("server_glob"),
                                    s.string("resource_glob")))
                        .toList()));
    return new AclConfig(Map.copyOf(classes));
  }

  private AccessConfig access(ConfigValues root, AclConfig acl, Map<String, ShaperConfig> shapers) {
    Map<String, List<AccessRule>> rules = new LinkedHashMap<>(DefaultAccessRules.RULES);
    root.<List<ConfigValues>>map("access")
        .forEach(
            (name, entries) -> {
              List<AccessRule> list = new ArrayList<>();
              for (int i = 0; i < entries.size(); i++) {
                ConfigValues e = entries.get(i);
                String path = "access." + name + "[" + i + "]";
                String aclName = e.string("acl");
                if (!acl.classes().containsKey(aclName)
                    && !DefaultAccessRules.BUILTIN_ACLS.contains(aclName)) {
                  error(path + ".acl", "no acl named \"" + aclName + "\"");
                }
                Object value = e.values().get("value");
                if (value instanceof String s
                    && !s.equals("allow")
                    && !s.equals("deny")
                    && !s.equals("none")
                    && !shapers.containsKey(s)) {
                  error(
                      path + ".value",
                      "expected allow, deny, a number or a shaper name, got \"" + s + "\"");
                }
                list.add(new AccessRule(aclName, value));
              }
              rules.put(name, List.copyOf(list));
            });
    return new AccessConfig(Map.copyOf(rules));
  }

  private Path resolve(String path) {
    return installDir.resolve(path).normalize();
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("validated address became invalid: " + literal, e);
    }
  }

  private void error(String path, String message) {
    validator.error(position(path), path, message);
  }

  /** The position of a dotted option path such as {@code listen.c2s[0].shaper}, if known. */
  private TomlPosition position(String path) {
    TomlTable table = toml;
    String[] parts = path.split("\\.");
    TomlPosition last = null;
    for (String part : parts) {
      if (table == null) {
        break;
      }
      int bracket = part.indexOf('[');
      String key = bracket < 0 ? part : part.substring(0, bracket);
      last = table.inputPositionOf(key) == null ? last : table.inputPositionOf(key);
      Object value = table.get(key);
      if (bracket >= 0 && value instanceof org.tomlj.TomlArray array) {
        int index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
        value = index < array.size() ? array.get(index) : null;
      }
      table = value instanceof TomlTable t ? t : null;
    }
    return last;
  }
}
