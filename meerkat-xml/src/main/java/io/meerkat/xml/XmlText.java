package io.meerkat.xml;

import java.util.Objects;

/** Character data, held unescaped (entities already decoded). */
public record XmlText(String text) implements XmlNode {
  public XmlText {
    Objects.requireNonNull(text, "text");
  }
}
