package io.meerkat.server.storage;

import io.meerkat.xml.XmlElement;
import io.meerkat.xml.XmlLimits;
import io.meerkat.xml.XmlStreamException;
import io.meerkat.xml.XmlStreamHandler;
import io.meerkat.xml.XmlStreamParser;
import io.meerkat.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * XML elements kept in a text column: written with their namespaces declared, read back with the
 * same parser the streams use. Data written here was accepted from a client stream, so it is within
 * that stream's limits; reading allows more so a lowered limit never makes stored data unreadable.
 */
public final class StoredXml {

  private static final XmlLimits LIMITS = new XmlLimits(16 << 20, 64, 256, 100_000);
  private static final String OPEN =
      "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";
  private static final String CLOSE = "</stream:stream>";

  private StoredXml() {}

  /** The elements serialized one after another. */
  public static String write(List<XmlElement> elements) {
    StringBuilder sb = new StringBuilder();
    for (XmlElement e : elements) {
      sb.append(XmlWriter.toXml(e));
    }
    return sb.toString();
  }

  public static String write(XmlElement element) {
    return XmlWriter.toXml(element);
  }

  /**
   * The elements of a text written by {@link #write}.
   *
   * @throws DatabaseException when the stored text is not well-formed (a corrupted row)
   */
  public static List<XmlElement> read(String stored) {
    List<XmlElement> elements = new ArrayList<>();
    XmlStreamParser parser = new XmlStreamParser(LIMITS);
    byte[] bytes = (OPEN + stored + CLOSE).getBytes(StandardCharsets.UTF_8);
    try {
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
      throw new DatabaseException("stored XML is not readable: " + e.getMessage(), e);
    }
    return elements;
  }

  /** The single element of a text written by {@link #write(XmlElement)}. */
  public static XmlElement readOne(String stored) {
    List<XmlElement> elements = read(stored);
    if (elements.size() != 1) {
      throw new DatabaseException(
          "stored XML holds " + elements.size() + " elements, expected one", null);
    }
    return elements.get(0);
  }
}
