package io.meerkat.xmpp;

/**
 * Presence types (RFC 6121 §4.7.1); an absent type is {@code AVAILABLE}. {@link #parse} returns
 * {@code null} for an unknown value, which the server answers with {@code bad-request}.
 */
public enum PresenceType {
  AVAILABLE(null),
  UNAVAILABLE("unavailable"),
  SUBSCRIBE("subscribe"),
  SUBSCRIBED("subscribed"),
  UNSUBSCRIBE("unsubscribe"),
  UNSUBSCRIBED("unsubscribed"),
  PROBE("probe"),
  ERROR("error");

  private final String attributeValue;

  PresenceType(String attributeValue) {
    this.attributeValue = attributeValue;
  }

  /** The {@code type} attribute value; {@code null} for available presence. */
  public String attributeValue() {
    return attributeValue;
  }

  public static PresenceType parse(String value) {
    if (value == null) {
      return AVAILABLE;
    }
    for (PresenceType t : values()) {
      if (value.equals(t.attributeValue)) {
        return t;
      }
    }
    return null;
  }

  /** True for the four subscription management types. */
  public boolean isSubscription() {
    return this == SUBSCRIBE || this == SUBSCRIBED || this == UNSUBSCRIBE || this == UNSUBSCRIBED;
  }
}
