package io.meerkat.server.sasl;

/**
 * A parsed SCRAM client-first-message (RFC 5802 §7).
 *
 * @param cbFlag {@code n}, {@code y} or {@code p}
 * @param cbName the channel-binding type when {@code cbFlag} is {@code p}
 * @param authzid the authorization identity, or {@code null}
 * @param username the decoded username
 * @param nonce the client nonce
 * @param gs2Header the header exactly as sent (it is echoed back in {@code c=})
 * @param bare the client-first-message-bare, part of the AuthMessage
 */
record ScramClientFirst(
    char cbFlag,
    String cbName,
    String authzid,
    String username,
    String nonce,
    String gs2Header,
    String bare) {

  /** Parses the message; returns {@code null} when it is malformed. */
  static ScramClientFirst parse(String message) {
    int first = message.indexOf(',');
    int second = first < 0 ? -1 : message.indexOf(',', first + 1);
    if (second < 0) {
      return null;
    }
    String flag = message.substring(0, first);
    String authz = message.substring(first + 1, second);
    char cbFlag;
    String cbName = null;
    if (flag.equals("n") || flag.equals("y")) {
      cbFlag = flag.charAt(0);
    } else if (flag.startsWith("p=") && flag.length() > 2) {
      cbFlag = 'p';
      cbName = flag.substring(2);
    } else {
      return null;
    }
    String authzid = null;
    if (!authz.isEmpty()) {
      if (!authz.startsWith("a=")) {
        return null;
      }
      authzid = decodeName(authz.substring(2));
      if (authzid == null) {
        return null;
      }
    }
    String bare = message.substring(second + 1);
    String[] attributes = bare.split(",", -1);
    int i = 0;
    if (attributes.length > 0 && attributes[0].startsWith("m=")) {
      return null; // mandatory extensions are not supported (RFC 5802 §5.1)
    }
    if (attributes.length < 2
        || !attributes[i].startsWith("n=")
        || !attributes[i + 1].startsWith("r=")) {
      return null;
    }
    String username = decodeName(attributes[i].substring(2));
    String nonce = attributes[i + 1].substring(2);
    if (username == null || username.isEmpty() || nonce.isEmpty() || !printable(nonce)) {
      return null;
    }
    return new ScramClientFirst(
        cbFlag, cbName, authzid, username, nonce, message.substring(0, second + 1), bare);
  }

  /** Decodes {@code =2C} and {@code =3D}; any other {@code =} makes the name invalid. */
  static String decodeName(String encoded) {
    StringBuilder sb = new StringBuilder(encoded.length());
    int i = 0;
    while (i < encoded.length()) {
      char c = encoded.charAt(i);
      if (c == ',') {
        return null;
      }
      if (c != '=') {
        sb.append(c);
        i++;
      } else if (encoded.startsWith("=2C", i)) {
        sb.append(',');
        i += 3;
      } else if (encoded.startsWith("=3D", i)) {
        sb.append('=');
        i += 3;
      } else {
        return null;
      }
    }
    return sb.toString();
  }

  private static boolean printable(String nonce) {
    for (int i = 0; i < nonce.length(); i++) {
      char c = nonce.charAt(i);
      if (c < 0x21 || c > 0x7e || c == ',') {
        return false;
      }
    }
    return true;
  }
}
