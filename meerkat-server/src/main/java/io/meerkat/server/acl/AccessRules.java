package io.meerkat.server.acl;

import io.meerkat.server.config.AccessConfig;
import io.meerkat.server.config.AccessConfig.AccessRule;
import io.meerkat.server.config.AclConfig;
import io.meerkat.server.config.AclConfig.AclSpec;
import io.meerkat.xmpp.Jid;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates {@code [access]} rules against {@code [acl]} classes: the first entry whose class
 * matches the JID gives the value; no match means {@code "deny"}. Built-in classes: {@code all},
 * {@code none}, and {@code local} (users of the served hosts) unless redefined. Undefined classes
 * match nobody.
 */
public final class AccessRules {

  private final Map<String, List<AccessRule>> rules;
  private final Map<String, List<AclMatcher>> classes = new HashMap<>();
  private final Set<String> hosts;

  public AccessRules(AclConfig acl, AccessConfig access, List<String> hosts) {
    this.rules = Map.copyOf(access.rules());
    this.hosts = Set.copyOf(hosts);
    acl.classes()
        .forEach(
            (name, specs) ->
                classes.put(name, specs.stream().map(s -> new AclMatcher(s, this.hosts)).toList()));
  }

  /** The value of rule {@code rule} for {@code jid}: a String or a Long. */
  public Object evaluate(String rule, Jid jid) {
    for (AccessRule entry : rules.getOrDefault(rule, List.of())) {
      if (inClass(entry.acl(), jid)) {
        return entry.value();
      }
    }
    return "deny";
  }

  /** True when the rule says {@code allow} for this JID. */
  public boolean allows(String rule, Jid jid) {
    return "allow".equals(evaluate(rule, jid));
  }

  /** A numeric rule (a limit); {@code fallback} when the rule gives no number. */
  public long number(String rule, Jid jid, long fallback) {
    return evaluate(rule, jid) instanceof Long n ? n : fallback;
  }

  /** Whether the JID is in ACL class {@code name}. */
  public boolean inClass(String name, Jid jid) {
    List<AclMatcher> matchers = classes.get(name);
    if (matchers != null) {
      for (AclMatcher m : matchers) {
        if (m.matches(jid)) {
          return true;
        }
      }
      return false;
    }
    return switch (name) {
      case "all" -> true;
      case "local" -> hosts.contains(jid.domain());
      default -> false;
    };
  }

  /** Convenience for tests and wiring: an ACL spec matching exactly one user. */
  public static AclSpec user(String localpart, String server) {
    return new AclSpec(
        "current_domain", localpart, server, null, null, null, null, null, null, null);
  }
}
