package io.meerkat.xmpp;

import io.meerkat.xml.XmlElement;

/** A stream-level error (RFC 6120 §4.9.3): the stream is closed right after it is sent. */
public record StreamError(StreamError.Condition condition, String text) {

  /** The defined conditions, in RFC order. */
  public enum Condition {
    BAD_FORMAT,
    BAD_NAMESPACE_PREFIX,
    CONFLICT,
    CONNECTION_TIMEOUT,
    HOST_GONE,
    HOST_UNKNOWN,
    IMPROPER_ADDRESSING,
    INTERNAL_SERVER_ERROR,
    INVALID_FROM,
    INVALID_NAMESPACE,
    INVALID_XML,
    NOT_AUTHORIZED,
    NOT_WELL_FORMED,
    POLICY_VIOLATION,
    REMOTE_CONNECTION_FAILED,
    RESET,
    RESOURCE_CONSTRAINT,
    RESTRICTED_XML,
    SEE_OTHER_HOST,
    SYSTEM_SHUTDOWN,
    UNDEFINED_CONDITION,
    UNSUPPORTED_ENCODING,
    UNSUPPORTED_FEATURE,
    UNSUPPORTED_STANZA_TYPE,
    UNSUPPORTED_VERSION;

    /** The element name, e.g. {@code not-well-formed}. */
    public String elementName() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public static StreamError of(Condition condition) {
    return new StreamError(condition, null);
  }

  public static StreamError of(Condition condition, String text) {
    return new StreamError(condition, text);
  }

  /** The {@code <stream:error>} element. */
  public XmlElement toElement() {
    XmlElement.Builder b =
        XmlElement.builder("error", Namespaces.STREAMS)
            .child(XmlElement.empty(condition.elementName(), Namespaces.STREAM_ERRORS));
    if (text != null && !text.isEmpty()) {
      b.child(
          XmlElement.builder("text", Namespaces.STREAM_ERRORS)
              .attribute("xml:lang", "en")
              .text(text)
              .build());
    }
    return b.build();
  }
}
