package io.meerkat.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects what a parser reports, for assertions. */
final class RecordingHandler implements XmlStreamHandler {
  XmlElement header;
  Map<String, String> namespaces;
  final List<XmlElement> elements = new ArrayList<>();
  int headers;
  boolean closed;

  @Override
  public void onStreamOpen(XmlElement h, Map<String, String> declared) {
    header = h;
    namespaces = declared;
    headers++;
  }

  @Override
  public void onElement(XmlElement element) {
    elements.add(element);
  }

  @Override
  public void onStreamClose() {
    closed = true;
  }
}
