package io.meerkat.server.config;

import java.util.List;
import java.util.Map;

/**
 * {@code [acl]}: named access classes, each a list of match specs (any spec matching means the JID
 * is in the class). The implicit class {@code local} matches users of served hosts.
 */
public record AclConfig(Map<String, List<AclSpec>> classes) {

  /**
   * One match spec. Empty fields match anything; {@code match} is {@code all}, {@code none} or
   * {@code current_domain} (default); the {@code *Regexp}/{@code *Glob} variants match patterns.
   */
  public record AclSpec(
      String match,
      String user,
      String server,
      String resource,
      String userRegexp,
      String serverRegexp,
      String resourceRegexp,
      String userGlob,
      String serverGlob,
      String resourceGlob) {}
}
