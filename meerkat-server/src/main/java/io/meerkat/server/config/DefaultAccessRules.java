package io.meerkat.server.config;

import io.meerkat.server.config.AccessConfig.AccessRule;
import java.util.List;
import java.util.Map;

/**
 * Access rules that exist even when {@code [access]} does not define them, with the values
 * MongooseIM operators expect. A rule defined in the file replaces the default of the same name.
 * ACL classes named here but not defined ({@code admin}, {@code blocked}) match nobody.
 */
public final class DefaultAccessRules {
  private DefaultAccessRules() {}

  public static final Map<String, List<AccessRule>> RULES =
      Map.of(
          "c2s", List.of(new AccessRule("blocked", "deny"), new AccessRule("all", "allow")),
          "register", List.of(new AccessRule("all", "allow")),
          "local", List.of(new AccessRule("local", "allow")),
          "max_user_sessions", List.of(new AccessRule("all", 10L)),
          "max_user_offline_messages",
              List.of(new AccessRule("admin", 5000L), new AccessRule("all", 100L)));

  /** ACL class names that always exist. */
  public static final List<String> BUILTIN_ACLS = List.of("all", "none", "local");
}
