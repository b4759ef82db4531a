package io.meerkat.xmpp;

/** IQ types (RFC 6120 §8.2.3); {@code null} from {@link #parse} means invalid or absent. */
public enum IqType {
  GET,
  SET,
  RESULT,
  ERROR;

  public static IqType parse(String value) {
    if (value == null) {
      return null;
    }
    return switch (value) {
      case "get" -> GET;
      case "set" -> SET;
      case "result" -> RESULT;
      case "error" -> ERROR;
      default -> null;
    };
  }

  public boolean isRequest() {
    return this == GET || this == SET;
  }
}
