package io.meerkat.server.modules.forms;

import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Namespaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A XEP-0004 data form: what the server sends ({@code form}, {@code result}) and what clients
 * submit ({@code submit}, {@code cancel}). Immutable.
 *
 * @param type {@code form}, {@code submit}, {@code cancel} or {@code result}
 * @param title optional title, {@code null} for none
 * @param instructions optional instructions, {@code null} for none
 */
public record DataForm(String type, String title, String instructions, List<Field> fields) {

  /** The hidden field naming the form's namespace (XEP-0068). */
  public static final String FORM_TYPE = "FORM_TYPE";

  /**
   * One field.
   *
   * @param type the XEP-0004 field type, {@code null} when unspecified (submitted forms)
   */
  public record Field(
      String var, String type, String label, boolean required, List<String> values) {

    public Field {
      values = List.copyOf(values);
    }

    public static Field hidden(String var, String value) {
      return new Field(var, "hidden", null, false, List.of(value));
    }

    public static Field of(String var, String type, String label, boolean required) {
      return new Field(var, type, label, required, List.of());
    }

    public static Field result(String var, String type, String label, List<String> values) {
      return new Field(var, type, label, false, values);
    }
  }

  public DataForm {
    fields = List.copyOf(fields);
  }

  /** The value of the {@code FORM_TYPE} field, if any. */
  public Optional<String> formType() {
    return value(FORM_TYPE);
  }

  /** The first value of a field, if the field is present with a value. */
  public Optional<String> value(String var) {
    return field(var).flatMap(f -> f.values().stream().findFirst());
  }

  /** All values of a field (empty when absent). */
  public List<String> values(String var) {
    return field(var).map(Field::values).orElse(List.of());
  }

  public Optional<Field> field(String var) {
    return fields.stream().filter(f -> var.equals(f.var())).findFirst();
  }

  public XmlElement toElement() {
    XmlElement.Builder x = XmlElement.builder("x", Namespaces.DATA_FORMS).attribute("type", type);
    if (title != null) {
      x.textChild("title", title);
    }
    if (instructions != null) {
      x.textChild("instructions", instructions);
    }
    for (Field f : fields) {
      XmlElement.Builder field =
          XmlElement.builder("field", Namespaces.DATA_FORMS)
              .attribute("var", f.var())
              .attribute("type", f.type())
              .attribute("label", f.label());
      if (f.required()) {
        field.child(XmlElement.empty("required", Namespaces.DATA_FORMS));
      }
      for (String v : f.values()) {
        field.textChild("value", v);
      }
      x.child(field.build());
    }
    return x.build();
  }

  /**
   * Reads a form element.
   *
   * @throws IllegalArgumentException when it is not a {@code jabber:x:data} form
   */
  public static DataForm parse(XmlElement x) {
    if (!x.is("x", Namespaces.DATA_FORMS)) {
      throw new IllegalArgumentException("not a data form");
    }
    List<Field> fields = new ArrayList<>();
    for (XmlElement f : x.elements()) {
      if (!f.is("field", Namespaces.DATA_FORMS)) {
        continue;
      }
      List<String> values = new ArrayList<>();
      for (XmlElement v : f.elements()) {
        if (v.is("value", Namespaces.DATA_FORMS)) {
          values.add(v.text());
        }
      }
      fields.add(
          new Field(
              f.attribute("var"),
              f.attribute("type"),
              f.attribute("label"),
              f.child("required", Namespaces.DATA_FORMS) != null,
              values));
    }
    String type = x.attribute("type");
    return new DataForm(
        type == null ? "" : type,
        x.childText("title", Namespaces.DATA_FORMS),
        x.childText("instructions", Namespaces.DATA_FORMS),
        fields);
  }
}
