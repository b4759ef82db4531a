package io.meerkat.server.api.vcard;

import io.meerkat.server.api.ApiException;
import io.meerkat.server.api.vcard.VcardShape.Field;
import io.meerkat.server.api.vcard.VcardShape.Part;
import io.meerkat.server.api.vcard.VcardShape.Struct;
import io.meerkat.xml.XmlElement;
import io.meerkat.xml.XmlWriter;
import io.meerkat.xmpp.Namespaces;
import java.util.List;
import java.util.Map;

/**
 * A GraphQL {@code VcardInput} (as graphql-java coerced it: maps, lists, strings, enum names) as a
 * {@code vcard-temp} vCard. Elements are written in {@link VcardShape#FIELDS} order, list entries
 * in the order given, so reading the result back gives the input again.
 *
 * <p>Refused with {@code bad_request}: text XML cannot carry (control characters), a {@code LABEL}
 * without lines, union inputs that are not exactly one of their alternatives, and agent vCards
 * nested deeper than {@link #MAX_AGENT_DEPTH}.
 */
final class VcardWriter {

  /** Nested agent vCards allowed, so the stored vCard stays within a client stream's depth. */
  static final int MAX_AGENT_DEPTH = 8;

  private VcardWriter() {}

  static XmlElement write(Map<String, Object> input) {
    return vcard(input, "vcard", 0);
  }

  private static XmlElement vcard(Map<String, Object> input, String path, int depth) {
    XmlElement.Builder vcard = XmlElement.builder("vCard", Namespaces.VCARD);
    for (Field field : VcardShape.FIELDS) {
      Object value = input.get(field.name());
      if (value == null) {
        continue;
      }
      String fieldPath = path + "." + field.name();
      if (field.repeated()) {
        List<?> values = (List<?>) value;
        for (int i = 0; i < values.size(); i++) {
          vcard.child(element(field, values.get(i), fieldPath + "[" + i + "]", depth));
        }
      } else {
        vcard.child(element(field, value, fieldPath, depth));
      }
    }
    return vcard.build();
  }

  private static XmlElement element(Field field, Object value, String path, int depth) {
    return switch (field.kind()) {
      case TEXT -> text(field.element(), (String) value, path);
      case STRUCT -> struct(field, map(value), path);
      case IMAGE -> {
        Map<String, Object> image = map(value);
        exactlyOne(image, path, "binValue", "extValue");
        if (image.get("type") != null && image.get("extValue") != null) {
          throw bad(path, "type goes with binValue, not with extValue");
        }
        yield struct(field, image, path);
      }
      case SOUND -> {
        Map<String, Object> sound = map(value);
        exactlyOne(sound, path, "phonetic", "binValue", "extValue");
        yield struct(field, sound, path);
      }
      case AGENT -> agent(field, map(value), path, depth);
    };
  }

  private static XmlElement agent(Field field, Map<String, Object> agent, String path, int depth) {
    exactlyOne(agent, path, "vcard", "extValue");
    if (agent.get("vcard") == null) {
      return struct(field, agent, path);
    }
    if (depth >= MAX_AGENT_DEPTH) {
      throw bad(path, "agent vCards nest at most " + MAX_AGENT_DEPTH + " deep");
    }
    return XmlElement.builder(field.element(), Namespaces.VCARD)
        .child(vcard(map(agent.get("vcard")), path + ".vcard", depth + 1))
        .build();
  }

  private static XmlElement struct(Field field, Map<String, Object> input, String path) {
    Struct struct = field.struct();
    XmlElement.Builder element = XmlElement.builder(field.element(), Namespaces.VCARD);
    Object tags = input.get("tags");
    if (tags != null) {
      for (Object tag : (List<?>) tags) {
        element.child(XmlElement.empty((String) tag, Namespaces.VCARD));
      }
    }
    for (Part part : struct.parts()) {
      Object value = input.get(part.name());
      String partPath = path + "." + part.name();
      if (value instanceof List<?> values) {
        if (values.isEmpty() && "line".equals(part.name())) {
          throw bad(partPath, "a label needs at least one line");
        }
        for (Object v : values) {
          element.child(text(part.element(), (String) v, partPath));
        }
      } else if (value != null) {
        element.child(text(part.element(), (String) value, partPath));
      }
    }
    return element.build();
  }

  private static XmlElement text(String name, String text, String path) {
    if (!XmlWriter.isValidXmlText(text)) {
      throw bad(path, "the text has characters XML cannot carry");
    }
    return XmlElement.builder(name, Namespaces.VCARD).text(text).build();
  }

  private static void exactlyOne(Map<String, Object> input, String path, String... keys) {
    int given = 0;
    for (String key : keys) {
      if (input.get(key) != null) {
        given++;
      }
    }
    if (given != 1) {
      throw bad(path, "give exactly one of " + String.join(", ", keys));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private static ApiException bad(String path, String problem) {
    return new ApiException("bad_request", "Invalid " + path + ": " + problem);
  }
}
