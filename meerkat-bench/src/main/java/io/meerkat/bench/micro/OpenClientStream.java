package io.meerkat.bench.micro;

import io.meerkat.xml.XmlElement;
import io.meerkat.xml.XmlLimits;
import io.meerkat.xml.XmlStreamException;
import io.meerkat.xml.XmlStreamHandler;
import io.meerkat.xml.XmlStreamParser;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The server's streaming parser inside an open client stream, for the benchmarks that decode one
 * stanza at a time the way a long-lived connection receives it.
 */
final class OpenClientStream implements XmlStreamHandler {

  private static final byte[] HEADER =
      ("<?xml version='1.0'?><stream:stream to='localhost' version='1.0' xmlns='jabber:client'"
              + " xmlns:stream='http://etherx.jabber.org/streams'>")
          .getBytes(StandardCharsets.UTF_8);

  private final XmlStreamParser parser;
  private XmlElement last;

  OpenClientStream(XmlLimits limits) throws XmlStreamException {
    parser = new XmlStreamParser(limits);
    parser.feed(HEADER, 0, HEADER.length);
    parser.drain(this);
  }

  /** Feeds one complete top-level element and returns it parsed. */
  XmlElement decode(byte[] element) throws XmlStreamException {
    parser.feed(ByteBuffer.wrap(element));
    parser.drain(this);
    return last;
  }

  @Override
  public void onStreamOpen(XmlElement header, Map<String, String> declaredNamespaces) {}

  @Override
  public void onElement(XmlElement element) {
    last = element;
  }

  @Override
  public void onStreamClose() {}
}
