package io.meerkat.xml;

import com.fasterxml.aalto.AsyncByteBufferFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;

/**
 * Incremental parser for one XMPP stream: bytes in, stream header / top-level elements / stream end
 * out. Every byte is parsed once by a non-blocking Aalto reader and each stanza is built directly
 * into the immutable element model.
 *
 * <p>Usage: {@link #feed} a buffer when {@link #needsInput()}, then {@link #drain} until it returns
 * {@link Progress#NEED_INPUT}. The fed buffer must stay unchanged until then.
 *
 * <p>Pausing: elements matching the {@code pauseAfter} predicate (those that may restart the
 * stream, like SASL {@code <auth/>} or {@code <starttls/>}) make {@link #drain} return {@link
 * Progress#PAUSED} right after them. The caller then either drains again (same stream) or calls
 * {@link #restart()} with {@link #unconsumedBytes()} (a new stream begins after the element).
 *
 * <p>Enforced here, because Aalto does not: RFC 6120 §11.1 restrictions (no DTD, comments,
 * processing instructions or entity references other than the predefined and numeric ones) and the
 * {@link XmlLimits}. Not thread-safe: one parser per connection, used from one thread at a time.
 */
public final class XmlStreamParser {

  /** What {@link #drain} stopped at. */
  public enum Progress {
    /** Everything fed so far was parsed; feed more. */
    NEED_INPUT,
    /** An element matching the pause predicate was delivered; the rest is not parsed yet. */
    PAUSED,
    /** The stream end tag was read; nothing more will be parsed. */
    CLOSED
  }

  private static final int STREAM_DEPTH = 1;
  private static final int STANZA_DEPTH = 2;

  private final XmlLimits limits;
  private final Predicate<XmlElement> pauseAfter;
  private AsyncXMLStreamReader<AsyncByteBufferFeeder> reader;
  private final ArrayDeque<ElementFrame> stack = new ArrayDeque<>();
  private int depth;
  private boolean closed;
  private long bytesFed;
  private long boundaryOffset;
  private ByteBuffer lastFed;
  private long lastFedStart;

  public XmlStreamParser(XmlLimits limits, Predicate<XmlElement> pauseAfter) {
    this.limits = limits;
    this.pauseAfter = pauseAfter;
    this.reader = AaltoReaders.newReader();
  }

  public XmlStreamParser(XmlLimits limits) {
    this(limits, element -> false);
  }

  /** True when the parser has consumed everything fed and wants more. */
  public boolean needsInput() {
    return !closed && reader.getInputFeeder().needMoreInput();
  }

  /** True once the stream end tag was read. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Hands the parser more bytes. Call only when {@link #needsInput()}; the buffer must not change
   * until {@link #drain} returns {@link Progress#NEED_INPUT}.
   */
  public void feed(ByteBuffer bytes) throws XmlStreamException {
    try {
      lastFedStart = bytesFed;
      lastFed = bytes.duplicate();
      bytesFed += bytes.remaining();
      reader.getInputFeeder().feedInput(bytes);
    } catch (XMLStreamException e) {
      throw new XmlStreamException(XmlStreamException.Reason.NOT_WELL_FORMED, e.getMessage(), e);
    }
  }

  /** Convenience for tests and tools: feeds a byte array slice. */
  public void feed(byte[] bytes, int offset, int length) throws XmlStreamException {
    feed(ByteBuffer.wrap(bytes, offset, length));
  }

  /**
   * Parses what was fed, calling {@code handler} for the stream header, each complete top-level
   * element and the stream end.
   *
   * @throws XmlStreamException when the stream is malformed, restricted or over a limit; the parser
   *     is unusable afterwards
   */
  public Progress drain(XmlStreamHandler handler) throws XmlStreamException {
    if (closed) {
      return Progress.CLOSED;
    }
    try {
      int event;
      while ((event = reader.next()) != AsyncXMLStreamReader.EVENT_INCOMPLETE) {
        Progress stop = onEvent(event, handler);
        if (stop != null) {
          return stop;
        }
      }
    } catch (XMLStreamException e) {
      throw classify(e);
    }
    checkPendingSize();
    // Everything fed is parsed; the view is only needed to find the bytes after a pausing element.
    lastFed = null;
    return Progress.NEED_INPUT;
  }

  /**
   * Starts a new stream after a SASL success or STARTTLS: a fresh reader, empty state. Bytes that
   * followed the pausing element are not re-fed; take them with {@link #unconsumedBytes()} first.
   */
  public void restart() {
    reader = AaltoReaders.newReader();
    stack.clear();
    depth = 0;
    closed = false;
    bytesFed = 0;
    boundaryOffset = 0;
    lastFed = null;
  }

  /**
   * The bytes fed after the last delivered element that the reader has not parsed yet (valid after
   * {@link Progress#PAUSED}); a copy.
   */
  public byte[] unconsumedBytes() {
    if (lastFed == null) {
      return new byte[0];
    }
    long consumedUpTo = endOffset();
    int skip = (int) Math.max(0, consumedUpTo - lastFedStart);
    ByteBuffer tail = lastFed.duplicate();
    if (skip >= tail.remaining()) {
      return new byte[0];
    }
    tail.position(tail.position() + skip);
    byte[] result = new byte[tail.remaining()];
    tail.get(result);
    return result;
  }

  private Progress onEvent(int event, XmlStreamHandler handler) throws XmlStreamException {
    switch (event) {
      case XMLStreamConstants.START_DOCUMENT -> {
        return null;
      }
      case XMLStreamConstants.START_ELEMENT -> {
        startElement(handler);
        return null;
      }
      case XMLStreamConstants.END_ELEMENT -> {
        return endElement(handler);
      }
      case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
        characters();
        return null;
      }
      case XMLStreamConstants.COMMENT ->
          throw restricted("comments are not allowed in XMPP streams");
      case XMLStreamConstants.PROCESSING_INSTRUCTION ->
          throw restricted("processing instructions are not allowed in XMPP streams");
      case XMLStreamConstants.DTD ->
          throw restricted("document type declarations are not allowed in XMPP streams");
      case XMLStreamConstants.ENTITY_REFERENCE ->
          throw restricted("entity reference '&" + reader.getLocalName() + ";' is not allowed");
      default ->
          throw new XmlStreamException(
              XmlStreamException.Reason.NOT_WELL_FORMED, "unexpected XML event " + event);
    }
  }

  private void startElement(XmlStreamHandler handler) throws XmlStreamException {
    depth++;
    if (depth > limits.maxDepth()) {
      throw policy("element nesting deeper than " + limits.maxDepth());
    }
    int attributeCount = reader.getAttributeCount();
    if (attributeCount > limits.maxAttributes()) {
      throw policy("more than " + limits.maxAttributes() + " attributes on one element");
    }
    String namespace = nullToEmpty(reader.getNamespaceURI());
    List<XmlAttribute> attributes = readAttributes(attributeCount);
    if (depth == STREAM_DEPTH) {
      XmlElement header = XmlElement.of(reader.getLocalName(), namespace, attributes, List.of());
      boundaryOffset = endOffset();
      handler.onStreamOpen(header, declaredNamespaces());
      return;
    }
    if (depth == STANZA_DEPTH) {
      boundaryOffset = startOffset();
    } else {
      checkStanzaSize();
      ElementFrame parent = stack.peek();
      parent.flushText();
      if (parent.childCount() >= limits.maxChildren()) {
        throw policy("more than " + limits.maxChildren() + " children in one element");
      }
    }
    stack.push(new ElementFrame(reader.getLocalName(), namespace, attributes));
  }

  private List<XmlAttribute> readAttributes(int count) {
    if (count == 0 && reader.getNamespaceCount() == 0) {
      return List.of();
    }
    List<XmlAttribute> attributes = new ArrayList<>(count);
    boolean foreignPrefix = false;
    for (int i = 0; i < count; i++) {
      String prefix = reader.getAttributePrefix(i);
      String local = reader.getAttributeLocalName(i);
      if (prefix == null || prefix.isEmpty()) {
        attributes.add(new XmlAttribute(local, reader.getAttributeValue(i)));
      } else {
        foreignPrefix |= !XMLConstants.XML_NS_PREFIX.equals(prefix);
        attributes.add(new XmlAttribute(prefix + ":" + local, reader.getAttributeValue(i)));
      }
    }
    if (foreignPrefix) {
      // Keep prefixed declarations so a prefixed attribute still serializes to well-formed XML.
      for (int i = 0; i < reader.getNamespaceCount(); i++) {
        String prefix = reader.getNamespacePrefix(i);
        if (prefix != null && !prefix.isEmpty()) {
          attributes.add(new XmlAttribute("xmlns:" + prefix, reader.getNamespaceURI(i)));
        }
      }
    }
    return Collections.unmodifiableList(attributes);
  }

  private Map<String, String> declaredNamespaces() {
    Map<String, String> declared = new HashMap<>();
    for (int i = 0; i < reader.getNamespaceCount(); i++) {
      declared.put(nullToEmpty(reader.getNamespacePrefix(i)), reader.getNamespaceURI(i));
    }
    return Map.copyOf(declared);
  }

  private Progress endElement(XmlStreamHandler handler) {
    int endedDepth = depth--;
    if (endedDepth == STREAM_DEPTH) {
      closed = true;
      handler.onStreamClose();
      return Progress.CLOSED;
    }
    XmlElement element = stack.pop().build();
    if (endedDepth > STANZA_DEPTH) {
      stack.peek().children.add(element);
      return null;
    }
    boundaryOffset = endOffset();
    handler.onElement(element);
    return pauseAfter.test(element) ? Progress.PAUSED : null;
  }

  private void characters() throws XmlStreamException {
    if (depth >= STANZA_DEPTH) {
      checkStanzaSize();
      stack
          .peek()
          .appendText(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
      return;
    }
    char[] chars = reader.getTextCharacters();
    int end = reader.getTextStart() + reader.getTextLength();
    for (int i = reader.getTextStart(); i < end; i++) {
      if (!Character.isWhitespace(chars[i])) {
        throw new XmlStreamException(
            XmlStreamException.Reason.NOT_WELL_FORMED,
            "character data is only allowed inside stanzas");
      }
    }
  }

  /** The stanza being built, up to the current event, must stay under the limit. */
  private void checkStanzaSize() throws XmlStreamException {
    if (endOffset() - boundaryOffset > limits.maxStanzaBytes()) {
      throw policy("stanza larger than " + limits.maxStanzaBytes() + " bytes");
    }
  }

  /** Bytes fed but not yet part of a completed element must stay under the stanza limit. */
  private void checkPendingSize() throws XmlStreamException {
    if (bytesFed - boundaryOffset > limits.maxStanzaBytes()) {
      throw policy("stanza larger than " + limits.maxStanzaBytes() + " bytes");
    }
  }

  private XmlStreamException classify(XMLStreamException e) {
    String message = String.valueOf(e.getMessage());
    if (depth == 0 && (message.contains("DOCTYPE") || lastFedContains("<!DOCTYPE"))) {
      return restricted("document type declarations are not allowed in XMPP streams");
    }
    return new XmlStreamException(XmlStreamException.Reason.NOT_WELL_FORMED, message, e);
  }

  private boolean lastFedContains(String needle) {
    if (lastFed == null) {
      return false;
    }
    ByteBuffer copy = lastFed.duplicate();
    byte[] bytes = new byte[Math.min(copy.remaining(), 4096)];
    copy.get(bytes);
    return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains(needle);
  }

  private long endOffset() {
    try {
      return reader.getLocationInfo().getEndingByteOffset();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Aalto could not report its position", e);
    }
  }

  private long startOffset() {
    return reader.getLocationInfo().getStartingByteOffset();
  }

  private static XmlStreamException restricted(String message) {
    return new XmlStreamException(XmlStreamException.Reason.RESTRICTED_XML, message);
  }

  private static XmlStreamException policy(String message) {
    return new XmlStreamException(XmlStreamException.Reason.POLICY_VIOLATION, message);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
