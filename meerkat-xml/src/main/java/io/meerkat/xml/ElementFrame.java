package io.meerkat.xml;

import java.util.ArrayList;
import java.util.List;

/** One open element while a stanza is being built; text is buffered until a boundary. */
final class ElementFrame {
  final String name;
  final String namespace;
  final List<XmlAttribute> attributes;
  final List<XmlNode> children = new ArrayList<>(2);
  private StringBuilder text;

  ElementFrame(String name, String namespace, List<XmlAttribute> attributes) {
    this.name = name;
    this.namespace = namespace;
    this.attributes = attributes;
  }

  void appendText(char[] chars, int start, int length) {
    if (text == null) {
      text = new StringBuilder(length);
    }
    text.append(chars, start, length);
  }

  /** Moves buffered text into the children, so text and elements keep their order. */
  void flushText() {
    if (text != null && !text.isEmpty()) {
      children.add(new XmlText(text.toString()));
    }
    text = null;
  }

  int childCount() {
    return children.size() + (text == null ? 0 : 1);
  }

  XmlElement build() {
    flushText();
    return XmlElement.of(name, namespace, attributes, children);
  }
}
