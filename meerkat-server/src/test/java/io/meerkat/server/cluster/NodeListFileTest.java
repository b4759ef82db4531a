package io.meerkat.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeListFileTest {

  @TempDir Path dir;

  @Test
  void addingANodeKeepsCommentsAndOtherLinesAndReplacesAnOldAddress() throws Exception {
    Path file = dir.resolve("nodes.txt");
    Files.write(file, List.of("# the cluster", "node1 10.0.0.1:9100", "node2 10.0.0.2:9100"));
    NodeListFile list = new NodeListFile(file);
    assertThat(list.put("node3", "10.0.0.3:9100")).isTrue();
    assertThat(list.put("node3", "10.0.0.3:9100")).isFalse();
    assertThat(list.put("node2", "10.0.0.9:9100")).isTrue();
    assertThat(Files.readAllLines(file))
        .containsExactly(
            "# the cluster", "node1 10.0.0.1:9100", "node3 10.0.0.3:9100", "node2 10.0.0.9:9100");
  }

  @Test
  void removingANodeDropsOnlyItsLine() throws Exception {
    Path file = dir.resolve("nodes.txt");
    Files.write(file, List.of("node1 10.0.0.1:9100 # first", "node10 10.0.0.10:9100"));
    NodeListFile list = new NodeListFile(file);
    assertThat(list.remove("node1")).isTrue();
    assertThat(list.remove("node1")).isFalse();
    assertThat(Files.readAllLines(file)).containsExactly("node10 10.0.0.10:9100");
  }

  @Test
  void aMissingFileIsCreatedByTheFirstAddition() throws Exception {
    Path file = dir.resolve("new.txt");
    assertThat(new NodeListFile(file).put("node1", "127.0.0.1:9100")).isTrue();
    assertThat(Files.readAllLines(file)).containsExactly("node1 127.0.0.1:9100");
  }
}
