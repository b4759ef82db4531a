package io.meerkat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The admin schema as the running node describes it (introspection): categories are the fields of
 * the root types whose type is a category type ({@code AccountAdminQuery} ...), commands are the
 * fields of those. Nothing about the commands is written into the CLI.
 */
final class Schema {

  static final String INTROSPECTION =
      """
      query Introspection {
        __schema {
          queryType { name } mutationType { name } subscriptionType { name }
          types { kind name description
            fields { name description
              args { name description defaultValue type { ...Ref } }
              type { ...Ref } }
            enumValues { name } possibleTypes { name } }
        }
      }
      fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name
        ofType { kind name } } } } }
      """;

  /** A reference to a type, with its list and non-null wrappers. */
  record TypeRef(String kind, String name, TypeRef ofType) {
    static TypeRef of(JsonNode node) {
      if (node == null || node.isNull() || node.isMissingNode()) {
        return null;
      }
      return new TypeRef(node.path("kind").asText(), text(node, "name"), of(node.get("ofType")));
    }

    /** The type as written in a query, e.g. {@code [String!]!}. */
    String graphql() {
      return switch (kind) {
        case "NON_NULL" -> ofType.graphql() + "!";
        case "LIST" -> "[" + ofType.graphql() + "]";
        default -> name;
      };
    }

    String namedType() {
      return ofType == null ? name : ofType.namedType();
    }

    boolean required() {
      return kind.equals("NON_NULL");
    }

    boolean isList() {
      return kind.equals("LIST") || (ofType != null && ofType.isList());
    }
  }

  record Arg(String name, String description, TypeRef type, String defaultValue) {}

  record Field(String name, String description, List<Arg> args, TypeRef type) {}

  /**
   * @param possibleTypes the member types of a union
   */
  record Type(
      String kind,
      String name,
      String description,
      List<Field> fields,
      List<String> values,
      List<String> possibleTypes) {}

  /** One command: {@code operation} is query, mutation or subscription. */
  record Command(String category, String operation, Field field) {}

  private final Map<String, Type> types = new LinkedHashMap<>();
  private final Map<String, Map<String, Command>> categories = new TreeMap<>();
  private final Map<String, String> categoryDescriptions = new TreeMap<>();

  Schema(JsonNode schema) {
    for (JsonNode t : schema.path("types")) {
      List<Field> fields = new ArrayList<>();
      for (JsonNode f : t.path("fields")) {
        List<Arg> args = new ArrayList<>();
        for (JsonNode a : f.path("args")) {
          args.add(
              new Arg(
                  a.path("name").asText(),
                  text(a, "description"),
                  TypeRef.of(a.get("type")),
                  text(a, "defaultValue")));
        }
        fields.add(
            new Field(
                f.path("name").asText(), text(f, "description"), args, TypeRef.of(f.get("type"))));
      }
      List<String> values = new ArrayList<>();
      t.path("enumValues").forEach(v -> values.add(v.path("name").asText()));
      List<String> members = new ArrayList<>();
      t.path("possibleTypes").forEach(v -> members.add(v.path("name").asText()));
      String name = t.path("name").asText();
      types.put(
          name,
          new Type(t.path("kind").asText(), name, text(t, "description"), fields, values, members));
    }
    addRoot(schema.path("queryType"), "query");
    addRoot(schema.path("mutationType"), "mutation");
    addRoot(schema.path("subscriptionType"), "subscription");
  }

  private void addRoot(JsonNode root, String operation) {
    Type type = types.get(text(root, "name"));
    if (type == null) {
      return;
    }
    for (Field category : type.fields()) {
      Type categoryType = types.get(category.type().namedType());
      if (!category.args().isEmpty() || categoryType == null || !isCategory(categoryType)) {
        continue;
      }
      categoryDescriptions.putIfAbsent(category.name(), category.description());
      Map<String, Command> commands =
          categories.computeIfAbsent(category.name(), k -> new TreeMap<>());
      for (Field command : categoryType.fields()) {
        commands.put(command.name(), new Command(category.name(), operation, command));
      }
    }
  }

  private static boolean isCategory(Type type) {
    return type.kind().equals("OBJECT")
        && (type.name().endsWith("Query")
            || type.name().endsWith("Mutation")
            || type.name().endsWith("Subscription"));
  }

  Map<String, Map<String, Command>> categories() {
    return categories;
  }

  String categoryDescription(String category) {
    return categoryDescriptions.get(category);
  }

  Type type(String name) {
    return types.get(name);
  }

  /**
   * A selection of every field of {@code ref} that needs no arguments, a few levels deep; a union
   * selects its type name and each member's fields.
   */
  String selection(TypeRef ref, int depth) {
    Type type = types.get(ref.namedType());
    if (type != null && type.kind().equals("UNION")) {
      StringBuilder out = new StringBuilder(" { __typename");
      for (String member : type.possibleTypes()) {
        out.append(" ... on ")
            .append(member)
            .append(selection(new TypeRef("OBJECT", member, null), depth));
      }
      return out.append(" }").toString();
    }
    if (type == null || !(type.kind().equals("OBJECT") || type.kind().equals("INTERFACE"))) {
      return "";
    }
    StringBuilder out = new StringBuilder(" {");
    int empty = out.length();
    for (Field f : type.fields()) {
      if (f.args().stream().anyMatch(a -> a.type().required())) {
        continue;
      }
      Type fieldType = types.get(f.type().namedType());
      boolean leaf =
          fieldType == null
              || !(fieldType.kind().equals("OBJECT") || fieldType.kind().equals("UNION"));
      if (leaf) {
        out.append(' ').append(f.name());
      } else if (depth > 0) {
        out.append(' ').append(f.name()).append(selection(f.type(), depth - 1));
      }
    }
    if (out.length() == empty) {
      out.append(" __typename");
    }
    return out.append(" }").toString();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
