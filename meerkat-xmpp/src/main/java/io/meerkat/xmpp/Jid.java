package io.meerkat.xmpp;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import rocks.xmpp.precis.PrecisProfiles;

/**
 * An XMPP address (RFC 7622): {@code [localpart@]domainpart[/resourcepart]}, always held in its
 * normalised (enforced) form, so two {@code Jid}s are equal exactly when they address the same
 * entity.
 *
 * <p>Normalisation: the localpart follows the PRECIS UsernameCaseMapped profile (lower-cased), the
 * domainpart is lower-cased with a trailing dot removed (IP literals kept), the resourcepart
 * follows the OpaqueString profile (case preserved). Each part is at most 1023 bytes in UTF-8.
 * Pure-ASCII input, which is almost all traffic, takes a fast path with the same result as the
 * PRECIS rules.
 *
 * <p>Absent parts are empty strings, never {@code null}.
 */
public final class Jid implements Comparable<Jid> {

  private static final int MAX_PART_BYTES = 1023;
  private static final int MAX_LABEL_LENGTH = 63;

  private final String localpart;
  private final String domain;
  private final String resource;
  private final int hash;

  private Jid(String localpart, String domain, String resource) {
    this.localpart = localpart;
    this.domain = domain;
    this.resource = resource;
    this.hash = Objects.hash(localpart, domain, resource);
  }

  /**
   * Parses and normalises a JID.
   *
   * @throws InvalidJidException when the text is not a valid JID
   */
  public static Jid parse(String text) {
    Objects.requireNonNull(text, "text");
    int slash = text.indexOf('/');
    String bare = slash < 0 ? text : text.substring(0, slash);
    String resource = slash < 0 ? null : text.substring(slash + 1);
    int at = bare.indexOf('@');
    String local = at < 0 ? null : bare.substring(0, at);
    String domain = at < 0 ? bare : bare.substring(at + 1);
    if (local != null && local.isEmpty()) {
      throw new InvalidJidException("empty localpart in '" + text + "'");
    }
    if (resource != null && resource.isEmpty()) {
      throw new InvalidJidException("empty resourcepart in '" + text + "'");
    }
    return of(local, domain, resource);
  }

  /** Like {@link #parse} but returns {@code null} instead of throwing for invalid input. */
  public static Jid parseOrNull(String text) {
    if (text == null) {
      return null;
    }
    try {
      return parse(text);
    } catch (InvalidJidException e) {
      return null;
    }
  }

  /**
   * Builds a JID from its parts; {@code null} or empty local and resource parts mean absent.
   *
   * @throws InvalidJidException when a part is invalid
   */
  public static Jid of(String localpart, String domain, String resource) {
    return new Jid(
        localpart == null || localpart.isEmpty() ? "" : normaliseLocalpart(localpart),
        normaliseDomain(domain),
        resource == null || resource.isEmpty() ? "" : normaliseResource(resource));
  }

  /** A domain-only JID, such as the server's own address. */
  public static Jid ofDomain(String domain) {
    return of(null, domain, null);
  }

  /** A bare JID {@code localpart@domain}. */
  public static Jid bare(String localpart, String domain) {
    return of(localpart, domain, null);
  }

  public String localpart() {
    return localpart;
  }

  public String domain() {
    return domain;
  }

  public String resource() {
    return resource;
  }

  public boolean hasLocalpart() {
    return !localpart.isEmpty();
  }

  public boolean hasResource() {
    return !resource.isEmpty();
  }

  /** True when this JID has no resourcepart. */
  public boolean isBare() {
    return resource.isEmpty();
  }

  /** True for an address such as {@code example.com} (no localpart, no resource). */
  public boolean isDomain() {
    return localpart.isEmpty() && resource.isEmpty();
  }

  /** This JID without its resourcepart. */
  public Jid toBare() {
    return isBare() ? this : new Jid(localpart, domain, "");
  }

  /** This bare JID with the given resource, normalised. */
  public Jid withResource(String newResource) {
    return new Jid(localpart, domain, newResource == null ? "" : normaliseResource(newResource));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Jid other
        && hash == other.hash
        && localpart.equals(other.localpart)
        && domain.equals(other.domain)
        && resource.equals(other.resource);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** Orders by domain, then localpart, then resource, so one user's resources sort together. */
  @Override
  public int compareTo(Jid o) {
    int c = domain.compareTo(o.domain);
    if (c == 0) {
      c = localpart.compareTo(o.localpart);
    }
    return c != 0 ? c : resource.compareTo(o.resource);
  }

  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder(localpart.length() + domain.length() + resource.length() + 2);
    if (!localpart.isEmpty()) {
      sb.append(localpart).append('@');
    }
    sb.append(domain);
    if (!resource.isEmpty()) {
      sb.append('/').append(resource);
    }
    return sb.toString();
  }

  // --- normalisation -------------------------------------------------------------------------

  private static String normaliseLocalpart(String raw) {
    String result;
    if (isAscii(raw)) {
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c <= 0x20 || c == 0x7f) {
          throw new InvalidJidException("localpart contains a space or control character");
        }
      }
      result = toLowerAscii(raw);
    } else {
      result = enforce(() -> PrecisProfiles.USERNAME_CASE_MAPPED.enforce(raw), "localpart");
    }
    for (int i = 0; i < result.length(); i++) {
      switch (result.charAt(i)) {
        case '"', '&', '\'', '/', ':', '<', '>', '@' ->
            throw new InvalidJidException(
                "localpart contains the forbidden character '" + result.charAt(i) + "'");
        default -> {}
      }
    }
    checkLength(result, "localpart");
    return result;
  }

  private static String normaliseDomain(String raw) {
    if (raw == null || raw.isEmpty()) {
      throw new InvalidJidException("empty domainpart");
    }
    String domain = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
    if (domain.isEmpty()) {
      throw new InvalidJidException("empty domainpart");
    }
    if (domain.startsWith("[") && domain.endsWith("]")) {
      return checkIpv6Literal(domain);
    }
    String result =
        isAscii(domain)
            ? toLowerAscii(domain)
            : enforce(() -> PrecisProfiles.IDN.enforce(domain), "domainpart");
    for (String label : result.split("\\.", -1)) {
      if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH && isAscii(label)) {
        throw new InvalidJidException("invalid domain label in '" + raw + "'");
      }
    }
    for (int i = 0; i < result.length(); i++) {
      char c = result.charAt(i);
      if (c < 0x80 && !(isAsciiLetterOrDigit(c) || c == '-' || c == '.' || c == '_')) {
        throw new InvalidJidException("domainpart contains the forbidden character '" + c + "'");
      }
    }
    checkLength(result, "domainpart");
    return result;
  }

  private static String checkIpv6Literal(String domain) {
    String inner = domain.substring(1, domain.length() - 1);
    if (inner.isEmpty()) {
      throw new InvalidJidException("empty IPv6 literal");
    }
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!(hex || c == ':' || c == '.')) {
        throw new InvalidJidException("invalid IPv6 literal '" + domain + "'");
      }
    }
    return toLowerAscii(domain);
  }

  private static String normaliseResource(String raw) {
    String result;
    if (isAscii(raw)) {
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c < 0x20 || c == 0x7f) {
          throw new InvalidJidException("resourcepart contains a control character");
        }
      }
      result = raw;
    } else {
      result = enforce(() -> PrecisProfiles.OPAQUE_STRING.enforce(raw), "resourcepart");
    }
    checkLength(result, "resourcepart");
    return result;
  }

  private static String enforce(java.util.function.Supplier<String> profile, String part) {
    try {
      return profile.get();
    } catch (IllegalArgumentException e) {
      throw new InvalidJidException(part + " is not valid: " + e.getMessage());
    }
  }

  private static void checkLength(String value, String part) {
    if (value.isEmpty()) {
      throw new InvalidJidException("empty " + part);
    }
    if (value.length() > MAX_PART_BYTES / 4
        && value.getBytes(StandardCharsets.UTF_8).length > MAX_PART_BYTES) {
      throw new InvalidJidException(part + " is longer than " + MAX_PART_BYTES + " bytes");
    }
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static String toLowerAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        char[] chars = s.toCharArray();
        for (int j = i; j < chars.length; j++) {
          if (chars[j] >= 'A' && chars[j] <= 'Z') {
            chars[j] = (char) (chars[j] + ('a' - 'A'));
          }
        }
        return new String(chars);
      }
    }
    return s;
  }
}
