package io.meerkat.xml;

/**
 * The stream cannot be parsed further. The {@link Reason} maps one-to-one to the XMPP stream error
 * the server must send before closing ({@code not-well-formed}, {@code restricted-xml}, {@code
 * policy-violation}).
 */
public final class XmlStreamException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why parsing stopped. */
  public enum Reason {
    /** Not well-formed XML, invalid encoding or characters. */
    NOT_WELL_FORMED,
    /** A construct RFC 6120 §11.1 forbids: DTD, comment, processing instruction, entity. */
    RESTRICTED_XML,
    /** A configured limit (size, depth, attributes, children) was exceeded. */
    POLICY_VIOLATION
  }

  private final Reason reason;

  public XmlStreamException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public XmlStreamException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
