package io.meerkat.server.roster;

import java.util.Locale;

/** The subscription states of a roster item (RFC 6121 §2.1.2.5). */
public enum Subscription {
  /** Neither side sees the other's presence. */
  NONE,
  /** The user sees the contact's presence. */
  TO,
  /** The contact sees the user's presence. */
  FROM,
  /** Both see each other. */
  BOTH;

  public String attributeValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Subscription parse(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** The user receives the contact's presence. */
  public boolean hasTo() {
    return this == TO || this == BOTH;
  }

  /** The contact receives the user's presence. */
  public boolean hasFrom() {
    return this == FROM || this == BOTH;
  }

  public Subscription plusTo() {
    return this == NONE ? TO : this == FROM ? BOTH : this;
  }

  public Subscription plusFrom() {
    return this == NONE ? FROM : this == TO ? BOTH : this;
  }

  public Subscription minusTo() {
    return this == TO ? NONE : this == BOTH ? FROM : this;
  }

  public Subscription minusFrom() {
    return this == FROM ? NONE : this == BOTH ? TO : this;
  }
}
