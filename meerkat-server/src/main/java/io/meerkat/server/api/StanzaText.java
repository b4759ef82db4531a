package io.meerkat.server.api;

import io.meerkat.xml.XmlElement;
import io.meerkat.xml.XmlLimits;
import io.meerkat.xml.XmlStreamException;
import io.meerkat.xml.XmlStreamHandler;
import io.meerkat.xml.XmlStreamParser;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.Stanza;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stanzas given as text in API arguments: parsed by the same restricted parser as client streams
 * (inside a {@code jabber:client} stream), so the API accepts exactly what a client could send.
 */
public final class StanzaText {

  private StanzaText() {}

  /**
   * @throws IllegalArgumentException when the text is not one well-formed message, presence or iq
   */
  static XmlElement parse(String text) {
    XmlElement element = element(text);
    if (!Stanza.isStanza(element)) {
      throw new IllegalArgumentException("Expected one message, presence or iq element");
    }
    return element;
  }

  /**
   * One XML element of an API argument (a vCard, private data), parsed like client input: an
   * element without a namespace of its own is in {@code jabber:client}.
   *
   * @throws IllegalArgumentException when the text is not exactly one well-formed element
   */
  public static XmlElement element(String text) {
    String stream =
        "<stream:stream xmlns='"
            + Namespaces.CLIENT
            + "' xmlns:stream='http://etherx.jabber.org/streams'>"
            + text
            + "</stream:stream>";
    List<XmlElement> elements = new ArrayList<>();
    XmlStreamParser parser = new XmlStreamParser(XmlLimits.DEFAULT);
    try {
      byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
      parser.feed(bytes, 0, bytes.length);
      parser.drain(
          new XmlStreamHandler() {
            @Override
            public void onStreamOpen(XmlElement header, Map<String, String> namespaces) {}

            @Override
            public void onElement(XmlElement element) {
              elements.add(element);
            }

            @Override
            public void onStreamClose() {}
          });
    } catch (XmlStreamException e) {
      throw new IllegalArgumentException("Malformed stanza: " + e.getMessage());
    }
    if (elements.size() != 1 || !parser.isClosed()) {
      throw new IllegalArgumentException("Expected exactly one XML element");
    }
    return elements.get(0);
  }
}
