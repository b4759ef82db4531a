package io.meerkat.xmpp;

import io.meerkat.xml.XmlElement;
import java.util.Locale;

/** SASL failure conditions (RFC 6120 §6.5) and the {@code <failure/>} element. */
public enum SaslFailure {
  ABORTED,
  ACCOUNT_DISABLED,
  CREDENTIALS_EXPIRED,
  ENCRYPTION_REQUIRED,
  INCORRECT_ENCODING,
  INVALID_AUTHZID,
  INVALID_MECHANISM,
  MALFORMED_REQUEST,
  MECHANISM_TOO_WEAK,
  NOT_AUTHORIZED,
  TEMPORARY_AUTH_FAILURE;

  public String elementName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** {@code <failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><condition/>[<text/>]</failure>}. */
  public XmlElement toElement(String text) {
    XmlElement.Builder b =
        XmlElement.builder("failure", Namespaces.SASL)
            .child(XmlElement.empty(elementName(), Namespaces.SASL));
    if (text != null && !text.isEmpty()) {
      b.child(
          XmlElement.builder("text", Namespaces.SASL)
              .attribute("xml:lang", "en")
              .text(text)
              .build());
    }
    return b.build();
  }
}
