package io.meerkat.xmpp;

/**
 * Message types (RFC 6121 §5.2.2). An absent type means {@code normal}; an unknown value is treated
 * as {@code normal} too, as the RFC requires of servers.
 */
public enum MessageType {
  CHAT,
  ERROR,
  GROUPCHAT,
  HEADLINE,
  NORMAL;

  public static MessageType parse(String value) {
    if (value == null) {
      return NORMAL;
    }
    return switch (value) {
      case "chat" -> CHAT;
      case "error" -> ERROR;
      case "groupchat" -> GROUPCHAT;
      case "headline" -> HEADLINE;
      default -> NORMAL;
    };
  }
}
