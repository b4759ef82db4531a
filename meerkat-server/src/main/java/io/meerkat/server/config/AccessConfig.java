package io.meerkat.server.config;

import java.util.List;
import java.util.Map;

/**
 * {@code [access]}: named rules, each an ordered list of {@code {acl, value}} pairs; the first
 * whose ACL class matches decides. Values are {@code "allow"}, {@code "deny"}, a number (for
 * example {@code max_user_offline_messages}) or a shaper name.
 */
public record AccessConfig(Map<String, List<AccessRule>> rules) {

  /** One {@code {acl = "...", value = ...}} entry; value is a String or a Long. */
  public record AccessRule(String acl, Object value) {}
}
