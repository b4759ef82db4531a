package io.meerkat.server.modules.offline;

import io.meerkat.xml.XmlElement;
import io.meerkat.xml.XmlLimits;
import io.meerkat.xml.XmlStreamException;
import io.meerkat.xml.XmlStreamHandler;
import io.meerkat.xml.XmlStreamParser;
import io.meerkat.xml.XmlWriter;
import io.meerkat.xmpp.Namespaces;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stanzas as stored text and back. Parsing reuses the stream parser (with the same RFC 6120
 * restrictions as client input) by wrapping the text in a stream element of the client namespace.
 */
final class StoredStanzas {

  private static final byte[] OPEN =
      ("<stream:stream xmlns='"
              + Namespaces.CLIENT
              + "' xmlns:stream='"
              + Namespaces.STREAMS
              + "'>")
          .getBytes(StandardCharsets.UTF_8);
  private static final byte[] CLOSE = "</stream:stream>".getBytes(StandardCharsets.UTF_8);

  private StoredStanzas() {}

  static String write(XmlElement stanza) {
    return XmlWriter.toXml(stanza);
  }

  /**
   * The stanza stored as {@code text}.
   *
   * @throws IllegalArgumentException when the text is not one well-formed element
   */
  static XmlElement read(String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    XmlStreamParser parser =
        new XmlStreamParser(XmlLimits.DEFAULT.withMaxStanzaBytes(body.length + 1024));
    List<XmlElement> elements = new ArrayList<>();
    XmlStreamHandler collect =
        new XmlStreamHandler() {
          @Override
          public void onStreamOpen(XmlElement header, Map<String, String> namespaces) {}

          @Override
          public void onElement(XmlElement element) {
            elements.add(element);
          }

          @Override
          public void onStreamClose() {}
        };
    try {
      for (byte[] part : new byte[][] {OPEN, body, CLOSE}) {
        parser.feed(part, 0, part.length);
        parser.drain(collect);
      }
    } catch (XmlStreamException e) {
      throw new IllegalArgumentException("stored stanza is not valid XML: " + e.getMessage(), e);
    }
    if (elements.size() != 1) {
      throw new IllegalArgumentException("stored text holds " + elements.size() + " elements");
    }
    return elements.get(0);
  }
}
