package io.meerkat.server.acl;

import io.meerkat.server.config.AclConfig.AclSpec;
import io.meerkat.xmpp.Jid;
import java.util.Set;
import java.util.regex.Pattern;

/** One compiled ACL match spec: every field given must match, absent fields match anything. */
final class AclMatcher {

  private final AclSpec spec;
  private final Set<String> hosts;
  private final Pattern userPattern;
  private final Pattern serverPattern;
  private final Pattern resourcePattern;

  AclMatcher(AclSpec spec, Set<String> hosts) {
    this.spec = spec;
    this.hosts = hosts;
    this.userPattern = pattern(spec.userRegexp(), spec.userGlob());
    this.serverPattern = pattern(spec.serverRegexp(), spec.serverGlob());
    this.resourcePattern = pattern(spec.resourceRegexp(), spec.resourceGlob());
  }

  boolean matches(Jid jid) {
    switch (spec.match()) {
      case "all" -> {
        return fieldsMatch(jid);
      }
      case "none" -> {
        return false;
      }
      default -> {
        return hosts.contains(jid.domain()) && fieldsMatch(jid);
      }
    }
  }

  private boolean fieldsMatch(Jid jid) {
    return equalsIfSet(spec.user(), jid.localpart())
        && equalsIfSet(spec.server(), jid.domain())
        && equalsIfSet(spec.resource(), jid.resource())
        && (userPattern == null || userPattern.matcher(jid.localpart()).matches())
        && (serverPattern == null || serverPattern.matcher(jid.domain()).matches())
        && (resourcePattern == null || resourcePattern.matcher(jid.resource()).matches());
  }

  private static boolean equalsIfSet(String expected, String actual) {
    return expected == null || expected.equals(actual);
  }

  private static Pattern pattern(String regexp, String glob) {
    if (regexp != null) {
      return Pattern.compile(regexp);
    }
    if (glob != null) {
      StringBuilder sb = new StringBuilder();
      for (char c : glob.toCharArray()) {
        switch (c) {
          case '*' -> sb.append(".*");
          case '?' -> sb.append('.');
          default -> sb.append(Pattern.quote(String.valueOf(c)));
        }
      }
      return Pattern.compile(sb.toString());
    }
    return null;
  }
}
