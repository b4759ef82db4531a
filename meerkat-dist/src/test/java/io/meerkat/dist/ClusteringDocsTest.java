package io.meerkat.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.cets.discovery.DiscoveredNode;
import io.meerkat.cets.discovery.FileDiscoveryBackend;
import io.meerkat.server.config.CetsConfig;
import io.meerkat.server.config.ConfigLoader;
import io.meerkat.server.config.MeerkatConfig;
import io.meerkat.server.http.HttpHandlerSpecs;
import io.meerkat.server.module.ModuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration examples of docs/clustering.md are what Meerkat accepts. */
class ClusteringDocsTest {

  private static final Path DOC = KubernetesManifestsTest.ROOT.resolve("docs/clustering.md");
  private static final Map<String, String> ENV =
      Map.of("MEERKAT_CLUSTER_SECRET", "s3cret", "MEERKAT_DB_PASSWORD", "db");

  @TempDir Path temp;

  private static List<String> blocks(String language) throws Exception {
    Matcher m =
        Pattern.compile("(?ms)^ *```" + language + "\\n(.*?)^ *```$")
            .matcher(Files.readString(DOC));
    List<String> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  private MeerkatConfig load(String toml) throws Exception {
    Path file = Files.writeString(temp.resolve("example.toml"), toml);
    return new ConfigLoader(
            ModuleCatalog.standard().specs(), HttpHandlerSpecs.all(), ENV::get, temp)
        .load(file);
  }

  @Test
  void theTomlExamplesLoadAsClusteredNodes() throws Exception {
    List<String> examples = blocks("toml");
    assertThat(examples).hasSize(2);

    CetsConfig onOneMachine = load(examples.get(0)).cets().orElseThrow();
    assertThat(onOneMachine.backend()).isEqualTo(CetsConfig.Backend.FILE);
    assertThat(onOneMachine.nodeListFile()).contains(temp.resolve("etc/cluster_nodes.txt"));
    assertThat(onOneMachine.listen().getPort()).isEqualTo(9101);

    MeerkatConfig withPostgres = load(examples.get(1));
    assertThat(withPostgres.cets().orElseThrow().backend()).isEqualTo(CetsConfig.Backend.RDBMS);
    assertThat(withPostgres.defaultPool().password()).contains("db");
  }

  @Test
  void theNodeListExampleIsReadByTheFileDiscoveryBackend() throws Exception {
    Path nodes = Files.writeString(temp.resolve("cluster_nodes.txt"), blocks("text").get(0));
    assertThat(new FileDiscoveryBackend(nodes).getNodes())
        .extracting(DiscoveredNode::name, n -> n.address().getPort())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("node1", 9101),
            org.assertj.core.groups.Tuple.tuple("node2", 9102),
            org.assertj.core.groups.Tuple.tuple("node3", 9103));
  }
}
