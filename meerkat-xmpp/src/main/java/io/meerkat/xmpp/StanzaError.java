package io.meerkat.xmpp;

import io.meerkat.xml.XmlElement;
import java.util.Locale;

/**
 * A stanza error (RFC 6120 §8.3): condition, type (defaulting to the RFC's recommendation), an
 * optional human-readable text and an optional application-specific condition element.
 */
public record StanzaError(Condition condition, Type type, String text, XmlElement appCondition) {

  /** Error types (RFC 6120 §8.3.2). */
  public enum Type {
    AUTH,
    CANCEL,
    CONTINUE,
    MODIFY,
    WAIT;

    public String attributeValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Defined conditions (RFC 6120 §8.3.3) with the type the RFC recommends. */
  public enum Condition {
    BAD_REQUEST(Type.MODIFY),
    CONFLICT(Type.CANCEL),
    FEATURE_NOT_IMPLEMENTED(Type.CANCEL),
    FORBIDDEN(Type.AUTH),
    GONE(Type.CANCEL),
    INTERNAL_SERVER_ERROR(Type.CANCEL),
    ITEM_NOT_FOUND(Type.CANCEL),
    JID_MALFORMED(Type.MODIFY),
    NOT_ACCEPTABLE(Type.MODIFY),
    NOT_ALLOWED(Type.CANCEL),
    NOT_AUTHORIZED(Type.AUTH),
    POLICY_VIOLATION(Type.MODIFY),
    RECIPIENT_UNAVAILABLE(Type.WAIT),
    REDIRECT(Type.MODIFY),
    REGISTRATION_REQUIRED(Type.AUTH),
    REMOTE_SERVER_NOT_FOUND(Type.CANCEL),
    REMOTE_SERVER_TIMEOUT(Type.WAIT),
    RESOURCE_CONSTRAINT(Type.WAIT),
    SERVICE_UNAVAILABLE(Type.CANCEL),
    SUBSCRIPTION_REQUIRED(Type.AUTH),
    UNDEFINED_CONDITION(Type.CANCEL),
    UNEXPECTED_REQUEST(Type.WAIT);

    private final Type defaultType;

    Condition(Type defaultType) {
      this.defaultType = defaultType;
    }

    public Type defaultType() {
      return defaultType;
    }

    public String elementName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The condition named by an element, or {@code UNDEFINED_CONDITION}. */
    public static Condition fromElementName(String name) {
      for (Condition c : values()) {
        if (c.elementName().equals(name)) {
          return c;
        }
      }
      return UNDEFINED_CONDITION;
    }
  }

  public static StanzaError of(Condition condition) {
    return new StanzaError(condition, condition.defaultType(), null, null);
  }

  public static StanzaError of(Condition condition, String text) {
    return new StanzaError(condition, condition.defaultType(), text, null);
  }

  public StanzaError withType(Type newType) {
    return new StanzaError(condition, newType, text, appCondition);
  }

  public StanzaError withAppCondition(XmlElement element) {
    return new StanzaError(condition, type, text, element);
  }

  /** The {@code <error/>} child in the given stanza namespace. */
  public XmlElement toElement(String stanzaNamespace) {
    XmlElement.Builder b =
        XmlElement.builder("error", stanzaNamespace)
            .attribute("type", type.attributeValue())
            .child(XmlElement.empty(condition.elementName(), Namespaces.STANZA_ERRORS));
    if (text != null && !text.isEmpty()) {
      b.child(
          XmlElement.builder("text", Namespaces.STANZA_ERRORS)
              .attribute("xml:lang", "en")
              .text(text)
              .build());
    }
    if (appCondition != null) {
      b.child(appCondition);
    }
    return b.build();
  }
}
