package io.meerkat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.config.CetsConfig;
import io.meerkat.server.config.ConfigLoader;
import io.meerkat.server.config.MeerkatConfig;
import io.meerkat.server.config.RdbmsPoolConfig;
import io.meerkat.server.http.HttpHandlerSpecs;
import io.meerkat.server.module.ModuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node configuration {@code bench/cluster} generates from {@code
 * bench/conf/meerkat-cluster.toml.in} is one Meerkat accepts, and it makes a file-discovery cluster
 * node with its accounts in PostgreSQL.
 */
class ClusterBenchConfigTest {

  private static final Path TEMPLATE = Path.of("..", "bench", "conf", "meerkat-cluster.toml.in");

  @Test
  void theGeneratedNodeConfigurationIsAValidClusterNodeWithSharedPostgresAccounts(@TempDir Path dir)
      throws Exception {
    Map<String, String> values =
        Map.ofEntries(
            Map.entry("NODE", "a"),
            Map.entry("DATA", dir.resolve("data").toString()),
            Map.entry("C2S", "15222"),
            Map.entry("HEALTH", "15280"),
            Map.entry("PGPORT", "15432"),
            Map.entry("DB", "meerkat"),
            Map.entry("PGUSER", "meerkat"),
            Map.entry("PGPASSWORD", "pw"),
            Map.entry("CLUSTER_PORT", "15100"),
            Map.entry("NODE_LIST", dir.resolve("nodes.txt").toString()),
            Map.entry("SECRET", "s3cret"),
            Map.entry("TLSMODE", "starttls_required"),
            Map.entry("ITERATIONS", "4096"));
    String text = Files.readString(TEMPLATE);
    for (Map.Entry<String, String> e : values.entrySet()) {
      text = text.replace("@" + e.getKey() + "@", e.getValue());
    }
    assertThat(text).doesNotContainPattern("@[A-Z_]+@");

    ModuleCatalog catalog = ModuleCatalog.standard();
    MeerkatConfig config =
        new ConfigLoader(catalog.specs(), HttpHandlerSpecs.all(), k -> null, dir)
            .parse(dir.resolve("meerkat.toml"), text);

    assertThat(config.general().nodeName()).isEqualTo("a");
    assertThat(config.c2sListeners()).hasSize(1);
    assertThat(config.c2sListeners().get(0).port()).isEqualTo(15222);
    assertThat(config.httpListeners()).hasSize(1);
    CetsConfig cets = config.cets().orElseThrow();
    assertThat(cets.backend()).isEqualTo(CetsConfig.Backend.FILE);
    assertThat(cets.nodeListFile()).contains(dir.resolve("nodes.txt"));
    assertThat(cets.listen().getPort()).isEqualTo(15100);
    assertThat(config.defaultPool().driver()).isEqualTo(RdbmsPoolConfig.Driver.PGSQL);
    assertThat(config.defaultPool().port()).isEqualTo(15432);
  }
}
