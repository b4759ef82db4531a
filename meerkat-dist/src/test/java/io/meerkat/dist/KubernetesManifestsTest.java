package io.meerkat.dist;

import static io.meerkat.dist.Manifests.at;
import static io.meerkat.dist.Manifests.integer;
import static io.meerkat.dist.Manifests.list;
import static io.meerkat.dist.Manifests.map;
import static io.meerkat.dist.Manifests.string;
import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.config.C2sListenerConfig;
import io.meerkat.server.config.CetsConfig;
import io.meerkat.server.config.ConfigLoader;
import io.meerkat.server.config.HttpListenerConfig;
import io.meerkat.server.config.MeerkatConfig;
import io.meerkat.server.http.HttpHandlerSpecs;
import io.meerkat.server.module.ModuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * There is no Kubernetes here, so the manifests are checked the way the API server and the node
 * would see them: the fields Kubernetes requires, references between the objects, and the
 * ConfigMap's {@code meerkat.toml} loaded by the server's own configuration loader with the
 * environment the StatefulSet gives each pod.
 */
class KubernetesManifestsTest {

  static final Path ROOT = Path.of(System.getProperty("meerkat.rootDir", ".."));
  static final String POD_NAME = "meerkat-1";
  static final String POD_IP = "10.42.0.7";

  static Manifests manifests;
  static Map<String, Object> container;
  static Map<String, Object> podSpec;

  @BeforeAll
  static void parse() throws Exception {
    manifests = new Manifests(ROOT.resolve("deploy/kubernetes"));
    podSpec = at(manifests.get("StatefulSet", "meerkat"), "spec", "template", "spec");
    container = list(podSpec, "containers").get(0);
  }

  static Map<String, Integer> containerPorts() {
    return list(container, "ports").stream()
        .collect(Collectors.toMap(p -> string(p, "name"), p -> integer(p, "containerPort")));
  }

  /** The environment of a pod: literal values, the pod's own fields and the Secret's keys. */
  static Map<String, String> podEnvironment() {
    Map<String, Object> secret = map(manifests.get("Secret", "meerkat"), "stringData");
    Map<String, String> env = new HashMap<>();
    for (Map<String, Object> variable : list(container, "env")) {
      String name = string(variable, "name");
      if (variable.containsKey("value")) {
        env.put(name, string(variable, "value"));
        continue;
      }
      Map<String, Object> from = map(variable, "valueFrom");
      if (from.containsKey("fieldRef")) {
        String field = string(map(from, "fieldRef"), "fieldPath");
        env.put(name, Map.of("metadata.name", POD_NAME, "status.podIP", POD_IP).get(field));
      } else {
        Map<String, Object> ref = map(from, "secretKeyRef");
        assertThat(string(ref, "name")).isEqualTo("meerkat");
        env.put(name, string(secret, string(ref, "key")));
      }
    }
    return env;
  }

  static MeerkatConfig podConfiguration() throws Exception {
    Path file = Files.createTempFile("meerkat-k8s", ".toml");
    try {
      Files.writeString(
          file, string(map(manifests.get("ConfigMap", "meerkat-config"), "data"), "meerkat.toml"));
      return new ConfigLoader(
              ModuleCatalog.standard().specs(),
              HttpHandlerSpecs.all(),
              podEnvironment()::get,
              Path.of("/opt/meerkat"))
          .load(file);
    } finally {
      Files.delete(file);
    }
  }

  @Test
  void everyDocumentHasTheFieldsKubernetesRequiresAndKustomizeListsEveryFile() throws Exception {
    assertThat(manifests.documents).hasSizeGreaterThanOrEqualTo(6);
    for (Manifests.Document d : manifests.documents) {
      assertThat(d.tree()).as(d.file().toString()).containsKeys("apiVersion", "kind");
      if (!d.kind().equals("Kustomization")) {
        assertThat(d.name()).as(d.file().toString()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
      }
    }
    Set<String> files;
    try (var stream = Files.list(manifests.directory)) {
      files =
          stream
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
              .collect(Collectors.toSet());
    }
    assertThat(manifests.ofKind("Kustomization").get(0).get("resources"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .containsExactlyInAnyOrderElementsOf(files);
  }

  @Test
  void theStatefulSetSelectsItsPodsHasNoVolumeClaimsAndUsesAHeadlessService() {
    Map<String, Object> sts = manifests.get("StatefulSet", "meerkat");
    Map<String, Object> spec = map(sts, "spec");
    Map<String, Object> podLabels = at(spec, "template", "metadata", "labels");
    assertThat(podLabels).containsAllEntriesOf(at(spec, "selector", "matchLabels"));
    assertThat(spec).doesNotContainKey("volumeClaimTemplates");
    Map<String, Object> headless =
        map(manifests.get("Service", string(spec, "serviceName")), "spec");
    assertThat(headless.get("clusterIP")).isEqualTo("None");
    assertThat(headless.get("publishNotReadyAddresses")).isEqualTo(true);
    for (Map<String, Object> service : manifests.ofKind("Service")) {
      assertThat(podLabels).containsAllEntriesOf(at(service, "spec", "selector"));
    }
    assertThat(podLabels)
        .containsAllEntriesOf(
            at(manifests.get("PodDisruptionBudget", "meerkat"), "spec", "selector", "matchLabels"));

    assertThat(container).containsKeys("name", "image");
    assertThat(string(container, "image"))
        .endsWith(":" + System.getProperty("meerkat.version", "0.1.0-SNAPSHOT"));
    Set<String> volumes =
        list(podSpec, "volumes").stream().map(v -> string(v, "name")).collect(Collectors.toSet());
    assertThat(list(container, "volumeMounts"))
        .allSatisfy(m -> assertThat(volumes).contains(string(m, "name")));
    Map<String, Object> configVolume =
        list(podSpec, "volumes").stream()
            .filter(v -> v.containsKey("configMap"))
            .findFirst()
            .orElseThrow();
    manifests.get("ConfigMap", string(map(configVolume, "configMap"), "name"));
    assertThat(integer(map(podSpec, "securityContext"), "runAsUser")).isPositive();
  }

  @Test
  void servicePortsAndProbesPointAtNamedContainerPorts() {
    Map<String, Integer> ports = containerPorts();
    // IANA service names: what Kubernetes accepts as port names.
    assertThat(ports.keySet()).allMatch(n -> n.length() <= 15 && n.matches("[a-z0-9-]+"));
    for (Map<String, Object> service : manifests.ofKind("Service")) {
      for (Map<String, Object> port : list(map(service, "spec"), "ports")) {
        String target = string(port, "targetPort");
        assertThat(ports).containsKey(target);
        assertThat(integer(port, "port")).isEqualTo(ports.get(target));
      }
    }
    Map<String, Object> policy = map(manifests.get("NetworkPolicy", "meerkat"), "spec");
    assertThat(at(map(manifests.get("StatefulSet", "meerkat"), "spec"), "template", "metadata"))
        .extractingByKey("labels")
        .isEqualTo(at(policy, "podSelector", "matchLabels"));
    List<String> allowed =
        list(policy, "ingress").stream()
            .flatMap(rule -> list(rule, "ports").stream())
            .map(p -> string(p, "port"))
            .toList();
    // Every declared port is reachable, the cluster port only from other nodes (the first rule).
    assertThat(allowed).containsExactlyInAnyOrderElementsOf(ports.keySet());
    assertThat(list(list(policy, "ingress").get(0), "ports"))
        .singleElement()
        .satisfies(p -> assertThat(p.get("port")).isEqualTo("cluster"));
    assertThat(list(policy, "ingress").get(0)).containsKey("from");

    Map<String, Object> ready = at(container, "readinessProbe", "httpGet");
    Map<String, Object> live = at(container, "livenessProbe", "httpGet");
    assertThat(string(ready, "path")).isEqualTo("/health/ready");
    assertThat(string(live, "path")).isEqualTo("/health/live");
    assertThat(string(at(container, "startupProbe", "httpGet"), "path")).isEqualTo("/health/live");
    assertThat(ports.get(string(ready, "port"))).isEqualTo(9091);
    assertThat(ports.get(string(live, "port"))).isEqualTo(9091);
  }

  @Test
  void everySecretReferenceNamesAKeyOfTheSecret() {
    Map<String, Object> secret = map(manifests.get("Secret", "meerkat"), "stringData");
    List<Map<String, Object>> refs =
        list(container, "env").stream()
            .filter(e -> e.containsKey("valueFrom"))
            .map(e -> map(e, "valueFrom"))
            .filter(f -> f.containsKey("secretKeyRef"))
            .map(f -> map(f, "secretKeyRef"))
            .toList();
    assertThat(refs).hasSize(3);
    assertThat(refs).allSatisfy(r -> assertThat(secret).containsKey(string(r, "key")));
  }

  @Test
  void theConfigMapLoadsWithThePodEnvironmentIntoAClusteredNode() throws Exception {
    MeerkatConfig config = podConfiguration();
    Map<String, String> env = podEnvironment();
    Map<String, Integer> ports = containerPorts();

    assertThat(config.general().nodeName()).isEqualTo(POD_NAME);
    CetsConfig cets = config.cets().orElseThrow();
    assertThat(cets.backend()).isEqualTo(CetsConfig.Backend.RDBMS);
    assertThat(cets.listen().getPort()).isEqualTo(ports.get("cluster"));
    assertThat(cets.advertisedAddress()).contains(POD_IP + ":" + ports.get("cluster"));
    assertThat(cets.secret()).isEqualTo(env.get("MEERKAT_CLUSTER_SECRET"));
    assertThat(config.defaultPool().password()).contains(env.get("MEERKAT_DB_PASSWORD"));

    assertThat(config.c2sListeners())
        .extracting(C2sListenerConfig::port)
        .containsExactly(ports.get("c2s"), ports.get("c2s-tls"));
    // Every listener reachable from outside the pod is a declared container port.
    for (HttpListenerConfig http : config.httpListeners()) {
      if (!http.ipAddress().isLoopbackAddress()) {
        assertThat(ports).containsValue(http.port());
      }
    }
    HttpListenerConfig probes =
        config.httpListeners().stream()
            .filter(l -> l.port() == ports.get("metrics"))
            .findFirst()
            .orElseThrow();
    assertThat(probes.handlers())
        .anySatisfy(
            h -> {
              assertThat(h.type()).isEqualTo("meerkat_health_handler");
              assertThat(h.path()).isEqualTo("/health");
            });
  }

  @Test
  void everyEnvironmentVariableIsReadByTheConfigurationOrTheLauncher() throws Exception {
    String toml = string(map(manifests.get("ConfigMap", "meerkat-config"), "data"), "meerkat.toml");
    String launcher = Files.readString(ROOT.resolve("meerkat-dist/src/main/dist/bin/meerkat"));
    // Read by the server itself (ConfigMapper); their effect is checked above.
    Set<String> readByServer = Set.of("MEERKAT_NODE_NAME", "MEERKAT_NODE_IP");
    for (String name : podEnvironment().keySet()) {
      assertThat(
              readByServer.contains(name)
                  || toml.contains("{env = \"" + name + "\"}")
                  || launcher.contains("${" + name))
          .as(name + " is read by someone")
          .isTrue();
    }
  }
}
