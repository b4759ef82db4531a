package io.meerkat.dist;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes manifests in {@code deploy/kubernetes}, parsed: every YAML document of every file,
 * with small typed accessors for walking the trees in tests.
 */
final class Manifests {

  /** One YAML document and the file it came from. */
  record Document(Path file, Map<String, Object> tree) {
    String kind() {
      return string(tree, "kind");
    }

    String name() {
      return string(map(tree, "metadata"), "name");
    }
  }

  final Path directory;
  final List<Document> documents = new ArrayList<>();

  Manifests(Path directory) throws IOException {
    this.directory = directory;
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (Reader reader = Files.newBufferedReader(file)) {
          for (Object document :
              new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
            if (document != null) {
              documents.add(new Document(file, cast(document)));
            }
          }
        }
      }
    }
  }

  /** The one document of this kind and name; fails when there is none or several. */
  Map<String, Object> get(String kind, String name) {
    List<Document> found =
        documents.stream().filter(d -> kind.equals(d.kind()) && name.equals(d.name())).toList();
    if (found.size() != 1) {
      throw new AssertionError(found.size() + " documents of kind " + kind + " named " + name);
    }
    return found.get(0).tree();
  }

  List<Map<String, Object>> ofKind(String kind) {
    return documents.stream().filter(d -> kind.equals(d.kind())).map(Document::tree).toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> cast(Object value) {
    if (!(value instanceof Map<?, ?>)) {
      throw new AssertionError("expected a mapping, got " + value);
    }
    return (Map<String, Object>) value;
  }

  /** The mapping at {@code key}; fails when it is missing. */
  static Map<String, Object> map(Map<String, Object> parent, String key) {
    return cast(Objects.requireNonNull(parent.get(key), () -> "missing " + key + " in " + parent));
  }

  /** The sequence of mappings at {@code key}, empty when missing. */
  static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> items)) {
      throw new AssertionError("expected a sequence at " + key + ", got " + value);
    }
    return items.stream().map(Manifests::cast).toList();
  }

  static String string(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    if (!(value instanceof String s)) {
      throw new AssertionError("expected a string at " + key + " in " + parent + ", got " + value);
    }
    return s;
  }

  static int integer(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    if (!(value instanceof Integer i)) {
      throw new AssertionError(
          "expected an integer at " + key + " in " + parent + ", got " + value);
    }
    return i;
  }

  /** Follows a path of mapping keys. */
  static Map<String, Object> at(Map<String, Object> root, String... keys) {
    Map<String, Object> node = root;
    for (String key : keys) {
      node = map(node, key);
    }
    return node;
  }
}
