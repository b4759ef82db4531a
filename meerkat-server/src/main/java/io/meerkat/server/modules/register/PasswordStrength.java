package io.meerkat.server.modules.register;

/**
 * Estimated entropy of a password in bits: length × log2 of the size of the character classes used
 * (lower case, upper case, digits, other). A rough but standard guard against trivial passwords
 * ({@code password_strength}).
 */
final class PasswordStrength {
  private PasswordStrength() {}

  static double bits(String password) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean other = false;
    for (int i = 0; i < password.length(); i++) {
      char c = password.charAt(i);
      if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (c >= '0' && c <= '9') {
        digit = true;
      } else {
        other = true;
      }
    }
    int alphabet = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 32 : 0);
    return alphabet == 0
        ? 0
        : password.codePointCount(0, password.length()) * (Math.log(alphabet) / Math.log(2));
  }
}
