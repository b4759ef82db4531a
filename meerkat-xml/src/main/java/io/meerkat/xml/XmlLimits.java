package io.meerkat.xml;

/**
 * Hard limits enforced while parsing a stream, so a peer cannot make the server buffer or build
 * unbounded structures.
 *
 * @param maxStanzaBytes bytes of one top-level element (stanza), counted from its first byte; also
 *     bounds the stream header and the data between stanzas
 * @param maxDepth nesting depth counted from the stream element (the stanza is depth 2)
 * @param maxAttributes attributes on one element
 * @param maxChildren children of one element
 */
public record XmlLimits(int maxStanzaBytes, int maxDepth, int maxAttributes, int maxChildren) {

  /** 64 KiB stanzas, depth 32, 64 attributes, 10 000 children: generous for real clients. */
  public static final XmlLimits DEFAULT = new XmlLimits(65_536, 32, 64, 10_000);

  public XmlLimits {
    if (maxStanzaBytes < 1024 || maxDepth < 3 || maxAttributes < 1 || maxChildren < 1) {
      throw new IllegalArgumentException("XML limits too small: " + this);
    }
  }

  /** The same limits with another stanza size. */
  public XmlLimits withMaxStanzaBytes(int bytes) {
    return new XmlLimits(bytes, maxDepth, maxAttributes, maxChildren);
  }
}
