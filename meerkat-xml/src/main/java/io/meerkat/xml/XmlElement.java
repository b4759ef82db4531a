package io.meerkat.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An immutable XML element: local name, namespace URI ({@code ""} for none), attributes in document
 * order and children. "Modifying" methods return copies that share the unchanged parts, so stamping
 * a {@code from} on a stanza does not copy its payload.
 *
 * <p>Equality is structural (name, namespace, attributes in order, children).
 */
public final class XmlElement implements XmlNode {

  private final String name;
  private final String namespace;
  private final List<XmlAttribute> attributes;
  private final List<XmlNode> children;

  private XmlElement(
      String name, String namespace, List<XmlAttribute> attributes, List<XmlNode> children) {
    this.name = name;
    this.namespace = namespace;
    this.attributes = attributes;
    this.children = children;
  }

  /** A new element; lists are copied. */
  public static XmlElement of(
      String name, String namespace, List<XmlAttribute> attributes, List<XmlNode> children) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(namespace, "namespace");
    return new XmlElement(name, namespace, List.copyOf(attributes), List.copyOf(children));
  }

  /** An empty element {@code <name xmlns='namespace'/>}. */
  public static XmlElement empty(String name, String namespace) {
    return new XmlElement(name, namespace, List.of(), List.of());
  }

  public static Builder builder(String name, String namespace) {
    return new Builder(name, namespace);
  }

  public String name() {
    return name;
  }

  public String namespace() {
    return namespace;
  }

  /** True when this element has the given local name and namespace. */
  public boolean is(String localName, String ns) {
    return name.equals(localName) && namespace.equals(ns);
  }

  public List<XmlAttribute> attributes() {
    return attributes;
  }

  /** The attribute's value, or {@code null} when absent. */
  public String attribute(String attributeName) {
    for (XmlAttribute a : attributes) {
      if (a.name().equals(attributeName)) {
        return a.value();
      }
    }
    return null;
  }

  public List<XmlNode> children() {
    return children;
  }

  /** Child elements only, in order. */
  public List<XmlElement> elements() {
    List<XmlElement> result = new ArrayList<>(children.size());
    for (XmlNode n : children) {
      if (n instanceof XmlElement e) {
        result.add(e);
      }
    }
    return result;
  }

  /** The first child element with this name and namespace, or {@code null}. */
  public XmlElement child(String childName, String ns) {
    for (XmlNode n : children) {
      if (n instanceof XmlElement e && e.is(childName, ns)) {
        return e;
      }
    }
    return null;
  }

  /** The first child element in this namespace, whatever its name, or {@code null}. */
  public XmlElement childInNamespace(String ns) {
    for (XmlNode n : children) {
      if (n instanceof XmlElement e && e.namespace.equals(ns)) {
        return e;
      }
    }
    return null;
  }

  /** The first child element of any name and namespace, or {@code null}. */
  public XmlElement firstElement() {
    for (XmlNode n : children) {
      if (n instanceof XmlElement e) {
        return e;
      }
    }
    return null;
  }

  /** The concatenated text of the direct text children. */
  public String text() {
    if (children.size() == 1 && children.get(0) instanceof XmlText t) {
      return t.text();
    }
    StringBuilder sb = new StringBuilder();
    for (XmlNode n : children) {
      if (n instanceof XmlText t) {
        sb.append(t.text());
      }
    }
    return sb.toString();
  }

  /** The text of the first child element with this name and namespace, or {@code null}. */
  public String childText(String childName, String ns) {
    XmlElement child = child(childName, ns);
    return child == null ? null : child.text();
  }

  /** A copy with the attribute set (replaced in place if present, appended otherwise). */
  public XmlElement withAttribute(String attributeName, String value) {
    List<XmlAttribute> copy = new ArrayList<>(attributes.size() + 1);
    boolean replaced = false;
    for (XmlAttribute a : attributes) {
      if (a.name().equals(attributeName)) {
        copy.add(new XmlAttribute(attributeName, value));
        replaced = true;
      } else {
        copy.add(a);
      }
    }
    if (!replaced) {
      copy.add(new XmlAttribute(attributeName, value));
    }
    return new XmlElement(name, namespace, Collections.unmodifiableList(copy), children);
  }

  /** A copy without the attribute (this element itself when it is absent). */
  public XmlElement withoutAttribute(String attributeName) {
    if (attribute(attributeName) == null) {
      return this;
    }
    List<XmlAttribute> copy = new ArrayList<>(attributes.size());
    for (XmlAttribute a : attributes) {
      if (!a.name().equals(attributeName)) {
        copy.add(a);
      }
    }
    return new XmlElement(name, namespace, Collections.unmodifiableList(copy), children);
  }

  /** A copy with these children instead of the current ones. */
  public XmlElement withChildren(List<? extends XmlNode> newChildren) {
    return new XmlElement(name, namespace, attributes, List.copyOf(newChildren));
  }

  /** A copy with one more child at the end. */
  public XmlElement withChild(XmlNode child) {
    List<XmlNode> copy = new ArrayList<>(children.size() + 1);
    copy.addAll(children);
    copy.add(child);
    return new XmlElement(name, namespace, attributes, Collections.unmodifiableList(copy));
  }

  /** A copy in another namespace (for example when wrapping a stanza for another stream). */
  public XmlElement withNamespace(String ns) {
    return ns.equals(namespace) ? this : new XmlElement(name, ns, attributes, children);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof XmlElement e
        && name.equals(e.name)
        && namespace.equals(e.namespace)
        && attributes.equals(e.attributes)
        && children.equals(e.children);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, namespace, attributes, children);
  }

  /** The element serialized as XML with its namespace declared. */
  @Override
  public String toString() {
    return XmlWriter.toXml(this);
  }

  /** Builds an element; not thread-safe, use once. */
  public static final class Builder {
    private final String name;
    private final String namespace;
    private final List<XmlAttribute> attributes = new ArrayList<>(4);
    private final List<XmlNode> children = new ArrayList<>(4);

    private Builder(String name, String namespace) {
      this.name = Objects.requireNonNull(name, "name");
      this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    /** Adds an attribute; a {@code null} value is skipped, which keeps optional ones terse. */
    public Builder attribute(String attributeName, String value) {
      if (value != null) {
        attributes.add(new XmlAttribute(attributeName, value));
      }
      return this;
    }

    public Builder child(XmlNode child) {
      children.add(Objects.requireNonNull(child, "child"));
      return this;
    }

    public Builder children(List<? extends XmlNode> nodes) {
      for (XmlNode n : nodes) {
        child(n);
      }
      return this;
    }

    /** Adds a text child; {@code null} or empty text is skipped. */
    public Builder text(String text) {
      if (text != null && !text.isEmpty()) {
        children.add(new XmlText(text));
      }
      return this;
    }

    /** Adds {@code <childName>text</childName>} in the same namespace as this element. */
    public Builder textChild(String childName, String text) {
      return child(XmlElement.builder(childName, namespace).text(text).build());
    }

    public XmlElement build() {
      return new XmlElement(
          name,
          namespace,
          Collections.unmodifiableList(new ArrayList<>(attributes)),
          Collections.unmodifiableList(new ArrayList<>(children)));
    }
  }
}
