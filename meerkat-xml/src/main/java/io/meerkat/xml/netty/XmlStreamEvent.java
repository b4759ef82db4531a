package io.meerkat.xml.netty;

import io.meerkat.xml.XmlElement;
import java.util.Map;

/** What {@link XmlStreamDecoder} passes down the pipeline, in stream order. */
public sealed interface XmlStreamEvent {

  /** The stream header with the namespaces it declares (prefix, {@code ""} for default, to URI). */
  record StreamOpened(XmlElement header, Map<String, String> namespaces)
      implements XmlStreamEvent {}

  /** A complete top-level element: a stanza or a nonza. */
  record Element(XmlElement element) implements XmlStreamEvent {}

  /** The peer sent {@code </stream:stream>}. */
  record StreamClosed() implements XmlStreamEvent {}
}
