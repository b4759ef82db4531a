package io.meerkat.xml;

import java.util.Map;

/**
 * Serializes elements to XML text. A namespace is declared ({@code xmlns='...'}) only where it
 * differs from the enclosing one; namespaces bound to a prefix by the enclosing stream header (for
 * example {@code stream} for {@code http://etherx.jabber.org/streams}) are written with that
 * prefix.
 *
 * <p>Escaping: {@code & < >} in text; {@code & < > " '} in attribute values. Characters that XML
 * 1.0 forbids never reach here because the parser rejects them and builders take Java strings from
 * trusted code; callers that embed untrusted text use {@link #isValidXmlText}.
 */
public final class XmlWriter {

  private XmlWriter() {}

  /** The element as a standalone document fragment, its namespace declared on it. */
  public static String toXml(XmlElement element) {
    StringBuilder sb = new StringBuilder(128);
    write(element, "", Map.of(), sb);
    return sb.toString();
  }

  /**
   * Appends the element as it appears inside a stream whose default namespace is {@code
   * parentNamespace} and whose header bound the given prefixes (prefix to namespace URI).
   */
  public static void write(
      XmlElement element,
      String parentNamespace,
      Map<String, String> streamPrefixes,
      StringBuilder out) {
    String prefix = prefixFor(element.namespace(), streamPrefixes);
    String qualifiedName = prefix == null ? element.name() : prefix + ":" + element.name();
    out.append('<').append(qualifiedName);
    String childDefault = parentNamespace;
    if (prefix == null && !element.namespace().equals(parentNamespace)) {
      out.append(" xmlns='");
      escapeAttribute(element.namespace(), out);
      out.append('\'');
      childDefault = element.namespace();
    }
    for (XmlAttribute a : element.attributes()) {
      out.append(' ').append(a.name()).append("='");
      escapeAttribute(a.value(), out);
      out.append('\'');
    }
    if (element.children().isEmpty()) {
      out.append("/>");
      return;
    }
    out.append('>');
    for (XmlNode child : element.children()) {
      switch (child) {
        case XmlElement e -> write(e, childDefault, streamPrefixes, out);
        case XmlText t -> escapeText(t.text(), out);
      }
    }
    out.append("</").append(qualifiedName).append('>');
  }

  private static String prefixFor(String namespace, Map<String, String> streamPrefixes) {
    if (streamPrefixes.isEmpty() || namespace.isEmpty()) {
      return null;
    }
    for (Map.Entry<String, String> e : streamPrefixes.entrySet()) {
      if (e.getValue().equals(namespace)) {
        return e.getKey();
      }
    }
    return null;
  }

  /** Appends text with {@code & < >} escaped. */
  public static void escapeText(String text, StringBuilder out) {
    escape(text, out, false);
  }

  /** Appends an attribute value with {@code & < > " '} escaped. */
  public static void escapeAttribute(String value, StringBuilder out) {
    escape(value, out, true);
  }

  /**
   * Copies the runs between characters that need escaping in bulk: most text needs none, and
   * appending a whole string costs far less than appending it a character at a time.
   */
  private static void escape(String s, StringBuilder out, boolean attribute) {
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      String entity =
          switch (s.charAt(i)) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> attribute ? "&quot;" : null;
            case '\'' -> attribute ? "&apos;" : null;
            default -> null;
          };
      if (entity != null) {
        out.append(s, run, i).append(entity);
        run = i + 1;
      }
    }
    out.append(s, run, s.length());
  }

  /** True when every character of {@code text} is allowed in XML 1.0 character data. */
  public static boolean isValidXmlText(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          c == 0x9
              || c == 0xA
              || c == 0xD
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || Character.isSurrogate(c);
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
