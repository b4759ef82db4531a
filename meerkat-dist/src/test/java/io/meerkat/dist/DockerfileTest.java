package io.meerkat.dist;

import static io.meerkat.dist.Manifests.at;
import static io.meerkat.dist.Manifests.integer;
import static io.meerkat.dist.Manifests.list;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The image recipe (no Docker here to build it): what it is based on, what it runs, as whom, and
 * that it agrees with the tarball's name and the Kubernetes pod.
 */
class DockerfileTest {

  private static final Path ROOT = KubernetesManifestsTest.ROOT;

  private static Map<String, Object> statefulSet() throws Exception {
    return new Manifests(ROOT.resolve("deploy/kubernetes")).get("StatefulSet", "meerkat");
  }

  private static List<String> instructions() throws Exception {
    // Joins continuation lines, drops comments.
    String text = Files.readString(ROOT.resolve("Dockerfile")).replace("\\\n", " ");
    return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  private static String only(String instruction) throws Exception {
    List<String> found =
        instructions().stream().filter(l -> l.startsWith(instruction + " ")).toList();
    assertThat(found).as(instruction).hasSize(1);
    return found.get(0).substring(instruction.length() + 1).strip();
  }

  @Test
  void theImageRunsTheTarballInTheForegroundAsAnUnprivilegedUser() throws Exception {
    assertThat(only("FROM")).isEqualTo("eclipse-temurin:21-jre");
    String version = System.getProperty("meerkat.version", "0.1.0-SNAPSHOT");
    assertThat(only("ARG")).isEqualTo("MEERKAT_VERSION=" + version);
    assertThat(only("ADD"))
        .isEqualTo("meerkat-dist/target/meerkat-${MEERKAT_VERSION}.tar.gz /opt/");
    assertThat(only("ENTRYPOINT")).isEqualTo("[\"/opt/meerkat/bin/meerkat\"]");
    assertThat(only("CMD")).isEqualTo("[\"foreground\"]");
    assertThat(Files.readString(ROOT.resolve(".dockerignore")))
        .contains("!meerkat-dist/target/meerkat-*.tar.gz");

    String user = only("USER");
    assertThat(user).matches("[1-9][0-9]*:[1-9][0-9]*");
    Map<String, Object> pod = at(statefulSet(), "spec", "template");
    assertThat(integer(at(pod, "spec", "securityContext"), "runAsUser"))
        .isEqualTo(Integer.parseInt(user.split(":")[0]));
  }

  @Test
  void theImageExposesTheServerPortsAndEveryPortThePodDeclares() throws Exception {
    List<Integer> exposed =
        Arrays.stream(only("EXPOSE").split("\\s+")).map(Integer::valueOf).toList();
    assertThat(exposed).containsExactly(5222, 5223, 5269, 5280, 5551, 5561, 9091, 9100);
    Map<String, Object> container =
        list(at(statefulSet(), "spec", "template", "spec"), "containers").get(0);
    assertThat(list(container, "ports"))
        .allSatisfy(p -> assertThat(exposed).contains(integer(p, "containerPort")));
  }
}
