package io.meerkat.server.config;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code [general]}.
 *
 * @param hosts the XMPP domains this server serves ({@code hosts}), normalised, never empty
 * @param defaultServerDomain used in stream errors to clients that named no valid domain
 * @param loglevel {@code none|emergency|alert|critical|error|warning|notice|info|debug|all}
 * @param language default {@code xml:lang} ({@code language}, default "en")
 * @param dataDir where generated keys, certificates and the embedded database live ({@code
 *     data_dir}, default {@code var} relative to the install directory), already resolved
 * @param nodeName this node's name in the cluster ({@code node_name}, default the environment's
 *     {@code MEERKAT_NODE_NAME}, else {@code meerkat@<host name>})
 * @param replacedWaitTimeoutMillis how long a new session waits for the one it replaces to close
 *     ({@code replaced_wait_timeout}, default 2000)
 */
public record GeneralConfig(
    List<String> hosts,
    String defaultServerDomain,
    String loglevel,
    String language,
    Path dataDir,
    String nodeName,
    long replacedWaitTimeoutMillis) {}
