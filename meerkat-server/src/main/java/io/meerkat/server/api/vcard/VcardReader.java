package io.meerkat.server.api.vcard;

import io.meerkat.server.api.vcard.VcardShape.Field;
import io.meerkat.server.api.vcard.VcardShape.Part;
import io.meerkat.server.api.vcard.VcardShape.Struct;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Namespaces;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored {@code vcard-temp} vCard as the GraphQL {@code Vcard}. Stored vCards mostly come from
 * clients, so anything is tolerated: elements the type has no field for are left out, a field that
 * may appear once takes its first occurrence, and tags outside the field's enum are skipped.
 *
 * <p>Union values ({@code Image}, {@code Sound}, {@code Agent}) carry their GraphQL type name under
 * {@link #TYPE_NAME} for the type resolvers.
 */
final class VcardReader {

  /** The key of a union value's object type name. */
  static final String TYPE_NAME = "__meerkatType";

  private VcardReader() {}

  static Map<String, Object> read(XmlElement vcard) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (Field field : VcardShape.FIELDS) {
      List<Object> values = new ArrayList<>();
      for (XmlElement e : vcard.elements()) {
        if (e.is(field.element(), Namespaces.VCARD)) {
          values.add(value(field, e));
        }
      }
      if (field.repeated()) {
        result.put(field.name(), values.isEmpty() ? null : values);
      } else {
        result.put(field.name(), values.isEmpty() ? null : values.get(0));
      }
    }
    return result;
  }

  private static Object value(Field field, XmlElement e) {
    return switch (field.kind()) {
      case TEXT -> e.text();
      case STRUCT -> struct(field.struct(), e);
      case IMAGE -> image(struct(field.struct(), e));
      case SOUND -> sound(struct(field.struct(), e));
      case AGENT -> agent(e);
    };
  }

  private static Map<String, Object> struct(Struct struct, XmlElement e) {
    Map<String, Object> result = new LinkedHashMap<>();
    List<String> tags = new ArrayList<>();
    for (Part part : struct.parts()) {
      List<String> texts = new ArrayList<>();
      for (XmlElement child : e.elements()) {
        if (child.is(part.element(), Namespaces.VCARD)) {
          texts.add(child.text());
        }
      }
      if (part.repeated()) {
        result.put(part.name(), texts.isEmpty() ? null : texts);
      } else {
        result.put(part.name(), texts.isEmpty() ? null : texts.get(0));
      }
    }
    for (XmlElement child : e.elements()) {
      if (child.namespace().equals(Namespaces.VCARD) && struct.tags().contains(child.name())) {
        tags.add(child.name());
      }
    }
    if (!struct.tags().isEmpty()) {
      result.put("tags", tags.isEmpty() ? null : tags);
    }
    return result;
  }

  /** {@code External} when there is an {@code EXTVAL}, else {@code ImageData}. */
  private static Map<String, Object> image(Map<String, Object> parts) {
    if (parts.get("extValue") != null) {
      return union("External", "extValue", parts.get("extValue"));
    }
    Map<String, Object> data = union("ImageData", "type", parts.get("type"));
    data.put("binValue", parts.get("binValue"));
    return data;
  }

  /** The first of {@code PHONETIC}, {@code BINVAL}, {@code EXTVAL} present. */
  private static Map<String, Object> sound(Map<String, Object> parts) {
    if (parts.get("phonetic") != null) {
      return union("Phonetic", "phonetic", parts.get("phonetic"));
    }
    if (parts.get("binValue") != null) {
      return union("BinValue", "binValue", parts.get("binValue"));
    }
    return union("External", "extValue", parts.get("extValue"));
  }

  /** {@code AgentVcard} when the agent holds a vCard, else {@code External}. */
  private static Map<String, Object> agent(XmlElement e) {
    XmlElement nested = e.child("vCard", Namespaces.VCARD);
    if (nested != null) {
      return union("AgentVcard", "vcard", read(nested));
    }
    return union("External", "extValue", e.childText("EXTVAL", Namespaces.VCARD));
  }

  private static Map<String, Object> union(String typeName, String key, Object value) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put(TYPE_NAME, typeName);
    result.put(key, value);
    return result;
  }
}
