package io.meerkat.xml;

import com.fasterxml.aalto.AsyncByteBufferFeeder;
import com.fasterxml.aalto.AsyncXMLInputFactory;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * Makes the non-blocking Aalto readers of every stream from one factory, whose table of element and
 * attribute names is filled once, at start, with the names XMPP clients use. A reader looks names
 * up in that table and copies it only when it meets a name outside it; with a factory of its own,
 * every stream carried its own copy and a namespace cache (5.8 KB of parser per idle session
 * before, 2.9 KB after).
 *
 * <p>The readers made here are never closed: closing one merges the names it met into the shared
 * table, and names a client chose must not grow state that every connection shares. The factory's
 * namespace cache is shared too; Aalto bounds it (about 700 entries) and locks it.
 */
final class AaltoReaders {

  /** Stanza and stream vocabulary of RFC 6120/6121 and the XEPs clients use most. */
  private static final String ELEMENTS =
      """
          stream:stream stream:features stream:error starttls proceed failure required optional auth
          mechanisms mechanism success challenge response abort bind resource jid session sm enable
          enabled resume resumed r a csi active inactive ver register iq message presence body
          subject thread show status priority query item group error text x c delay composing paused
          gone request received markable displayed acknowledged origin-id stanza-id result forwarded
          fin set first last count max before after index blocklist block unblock ping time tzo utc
          vCard pubsub publish items retract event feature identity username password email remove
          sent private no-copy no-store store field value instructions title
      """;

  /** Their attributes; the namespace declarations are on the vocabulary's own stream header. */
  private static final String ATTRIBUTES =
      """
          to from id type version xml:lang jid name subscription ask approved node hash ver stamp
          code by var category h resume max location previd queryid with start end label reason
          seconds action order value
      """;

  private static final AsyncXMLInputFactory FACTORY = primedFactory();

  private AaltoReaders() {}

  static AsyncXMLStreamReader<AsyncByteBufferFeeder> newReader() {
    return FACTORY.createAsyncForByteBuffer();
  }

  private static AsyncXMLInputFactory primedFactory() {
    AsyncXMLInputFactory factory = new InputFactoryImpl();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
    factory.setProperty(XMLInputFactory.IS_COALESCING, Boolean.FALSE);
    AsyncXMLStreamReader<AsyncByteBufferFeeder> reader = factory.createAsyncForByteBuffer();
    try {
      reader.getInputFeeder().feedInput(ByteBuffer.wrap(vocabulary()));
      while (reader.next() != AsyncXMLStreamReader.EVENT_INCOMPLETE) {
        // Reading is what enters the names into the table.
      }
      // The one close: it merges the names read into the factory's table.
      reader.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("the built-in XMPP vocabulary did not parse", e);
    }
    return factory;
  }

  private static byte[] vocabulary() {
    StringBuilder doc =
        new StringBuilder(
            "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>");
    doc.append("<names");
    for (String attribute : ATTRIBUTES.strip().split("\\s+")) {
      doc.append(' ').append(attribute).append("=''");
    }
    doc.append('>');
    for (String element : ELEMENTS.strip().split("\\s+")) {
      doc.append('<').append(element).append("></").append(element).append('>');
    }
    doc.append("</names>");
    return doc.toString().getBytes(StandardCharsets.UTF_8);
  }
}
