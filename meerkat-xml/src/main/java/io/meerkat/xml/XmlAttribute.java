package io.meerkat.xml;

import java.util.Objects;

/**
 * One attribute. {@code name} is the local name for unprefixed attributes and {@code prefix:local}
 * otherwise (in practice {@code xml:lang}); namespace declarations are not attributes, the element
 * carries its namespace.
 */
public record XmlAttribute(String name, String value) {
  public XmlAttribute {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
