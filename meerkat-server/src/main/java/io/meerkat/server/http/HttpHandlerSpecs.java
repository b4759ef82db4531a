package io.meerkat.server.http;

import io.meerkat.server.config.spec.ConfigSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP handler types of {@code [[listen.http.handlers.<type>]]} and their options, with
 * MongooseIM's names where MongooseIM has the handler.
 */
public final class HttpHandlerSpecs {

  public static final String GRAPHQL = "mongoose_graphql_handler";
  public static final String PROMETHEUS = "mongoose_prometheus_handler";
  public static final String HEALTH = "meerkat_health_handler";

  private HttpHandlerSpecs() {}

  /** Option specs by handler type, for the configuration loader and the docs. */
  public static Map<String, ConfigSpec> all() {
    Map<String, ConfigSpec> specs = new LinkedHashMap<>();
    specs.put(
        GRAPHQL,
        common("/api/graphql")
            .oneOf(
                "schema_endpoint",
                "admin",
                Set.of("admin", "domain_admin", "user"),
                "Which API: admin (every command; protect it), domain_admin (the admin API"
                    + " limited to one domain, authenticated as admin@<domain> with the password"
                    + " set by domain.setDomainPassword) or user (accounts act for themselves,"
                    + " authenticated with their JID and password).")
            .string("username", null, "Admin endpoint: the HTTP basic auth user name (required).")
            .secret(
                "password",
                null,
                "Admin endpoint: the HTTP basic auth password; give this or password_file.")
            .string(
                "password_file",
                null,
                "Admin endpoint: a file holding the password (relative to the install"
                    + " directory). When the file does not exist, Meerkat writes a random password"
                    + " to it (readable by the owner only) at start; meerkatctl reads it from there.")
            .build());
    specs.put(PROMETHEUS, common("/metrics").build());
    specs.put(HEALTH, common("/health").build());
    return specs;
  }

  private static ConfigSpec.Builder common(String examplePath) {
    return ConfigSpec.builder()
        .string("host", "_", "Host name the handler answers for; \"_\" for any.")
        .requiredString("path", "URL path, e.g. " + examplePath + ".");
  }
}
