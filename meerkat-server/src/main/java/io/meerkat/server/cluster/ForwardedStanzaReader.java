package io.meerkat.server.cluster;

import io.meerkat.xml.XmlElement;
import io.meerkat.xml.XmlLimits;
import io.meerkat.xml.XmlStreamException;
import io.meerkat.xml.XmlStreamHandler;
import io.meerkat.xml.XmlStreamParser;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads the stanzas forwarded from one sender stripe of one node as one continuous XML stream, so
 * the parser is set up once per stripe and not once per stanza (setting up the XML reader cost more
 * than parsing a chat message). Each payload holds exactly one serialized element.
 *
 * <p>Not thread-safe: used only by its stripe's serial mailbox. The payloads come from the other
 * node's {@code XmlWriter} over the authenticated cluster link; still, after a payload that is not
 * well-formed or does not hold exactly one complete element the reader starts a fresh stream.
 */
final class ForwardedStanzaReader {

  private static final XmlLimits LIMITS = new XmlLimits(16 << 20, 64, 256, 100_000);
  private static final byte[] OPEN =
      "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"
          .getBytes(StandardCharsets.UTF_8);

  private final Collector collector = new Collector();
  private XmlStreamParser parser;

  /**
   * The element serialized in {@code xml}.
   *
   * @throws IllegalArgumentException when {@code xml} is not exactly one well-formed element
   */
  XmlElement read(byte[] xml) {
    try {
      if (parser == null) {
        parser = new XmlStreamParser(LIMITS);
        feed(OPEN);
      }
      collector.elements = 0;
      collector.last = null;
      feed(xml);
      if (collector.elements != 1) {
        parser = null;
        throw new IllegalArgumentException(
            "forwarded payload holds " + collector.elements + " complete elements, expected one");
      }
      return collector.last;
    } catch (XmlStreamException e) {
      parser = null;
      throw new IllegalArgumentException("forwarded stanza is not readable: " + e.getMessage(), e);
    }
  }

  private void feed(byte[] bytes) throws XmlStreamException {
    parser.feed(bytes, 0, bytes.length);
    if (parser.drain(collector) != XmlStreamParser.Progress.NEED_INPUT) {
      parser = null;
      throw new IllegalArgumentException("forwarded payload closed the stream");
    }
  }

  private static final class Collector implements XmlStreamHandler {
    int elements;
    XmlElement last;

    @Override
    public void onStreamOpen(XmlElement header, Map<String, String> declaredNamespaces) {}

    @Override
    public void onElement(XmlElement element) {
      elements++;
      last = element;
    }

    @Override
    public void onStreamClose() {}
  }
}
