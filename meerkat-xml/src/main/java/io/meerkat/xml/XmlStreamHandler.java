package io.meerkat.xml;

/**
 * Receives what the streaming parser finds in an XMPP stream. Calls come in document order from the
 * thread feeding the parser.
 */
public interface XmlStreamHandler {

  /**
   * The stream header ({@code <stream:stream ...>}) was read. The element has the header's name,
   * namespace and attributes and no children; {@code declaredNamespaces} maps each prefix declared
   * on it ({@code ""} for the default namespace) to its URI.
   */
  void onStreamOpen(XmlElement header, java.util.Map<String, String> declaredNamespaces);

  /**
   * A complete top-level element (depth 2: a stanza or a nonza such as {@code <starttls/>}). Its
   * namespace is resolved; an element in the stream's default namespace has that namespace.
   */
  void onElement(XmlElement element);

  /** The peer closed the stream with {@code </stream:stream>}. */
  void onStreamClose();
}
