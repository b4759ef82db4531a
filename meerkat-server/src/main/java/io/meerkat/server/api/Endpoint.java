package io.meerkat.server.api;

/** The GraphQL schemas Meerkat serves: {@code schema_endpoint} of a GraphQL HTTP handler. */
public enum Endpoint {
  /** Everything, for operators; HTTP basic auth with the handler's credentials. */
  ADMIN("admin"),
  /** One account acting for itself; HTTP basic auth with the account's JID and password. */
  USER("user");

  private final String configName;

  Endpoint(String configName) {
    this.configName = configName;
  }

  public String configName() {
    return configName;
  }
}
