package io.meerkat.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole validated configuration of one node, parsed once at start from {@code meerkat.toml} and
 * immutable afterwards. Sections follow MongooseIM's model; see {@code docs/configuration.md}.
 *
 * @param source the file it was read from (paths in it are resolved against its install directory)
 * @param general {@code [general]}
 * @param c2sListeners every {@code [[listen.c2s]]}
 * @param httpListeners every {@code [[listen.http]]}
 * @param auth {@code [auth]}
 * @param rdbmsPools {@code [outgoing_pools.rdbms.<tag>]} by tag; {@code default} is the one
 *     accounts and modules use
 * @param cets {@code [internal_databases.cets]}, absent for a single node on its own
 * @param modules {@code [modules.<name>]} by module name, options validated by each module's spec
 * @param acl {@code [acl]}
 * @param access {@code [access]}
 * @param shapers {@code [shaper.<name>]} by name
 */
public record MeerkatConfig(
    Path source,
    GeneralConfig general,
    List<C2sListenerConfig> c2sListeners,
    List<HttpListenerConfig> httpListeners,
    AuthConfig auth,
    Map<String, RdbmsPoolConfig> rdbmsPools,
    Optional<CetsConfig> cets,
    Map<String, ModuleOptions> modules,
    AclConfig acl,
    AccessConfig access,
    Map<String, ShaperConfig> shapers) {

  /** The pool tagged {@code default}, which every RDBMS backend uses unless told otherwise. */
  public RdbmsPoolConfig defaultPool() {
    RdbmsPoolConfig pool = rdbmsPools.get("default");
    if (pool == null) {
      throw new IllegalStateException("no [outgoing_pools.rdbms.default] pool is configured");
    }
    return pool;
  }
}
