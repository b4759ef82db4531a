package io.meerkat.server.api;

import java.util.List;

/**
 * Who may run an admin command, declared with {@code @protected(type: ..., args: [...])}.
 *
 * @param type {@link Type#GLOBAL}: the global administrator only; {@link Type#DOMAIN}: also a
 *     domain administrator when every argument in {@code args} (a JID or a domain name, or a list
 *     of them) is in the administrator's domain; {@link Type#DEFAULT}: any administrator
 * @param args the arguments a domain administrator's domain is checked against ({@code DOMAIN})
 */
record Scope(Type type, List<String> args) {

  /** The {@code ProtectedType} values of the schema. */
  public enum Type {
    DEFAULT,
    DOMAIN,
    GLOBAL
  }

  public Scope {
    args = List.copyOf(args);
  }
}
