package io.meerkat.server.auth;

import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

/**
 * The text form of SCRAM credentials in the {@code users.pass_details} column: {@code
 * ==MULTI_SCRAM==,<iterations>,===SHA1===<salt>|<storedKey>|<serverKey>,==SHA256==...} with Base64
 * values, one salt and iteration count for all hashes. It is the format MongooseIM uses, so
 * accounts can be moved between the two servers with a plain table copy.
 */
public final class MultiScramFormat {

  private static final String PREFIX = "==MULTI_SCRAM==";
  private static final Map<ScramHash, String> MARKERS = new EnumMap<>(ScramHash.class);

  static {
    MARKERS.put(ScramHash.SHA1, "===SHA1===");
    MARKERS.put(ScramHash.SHA224, "==SHA224==");
    MARKERS.put(ScramHash.SHA256, "==SHA256==");
    MARKERS.put(ScramHash.SHA384, "==SHA384==");
    MARKERS.put(ScramHash.SHA512, "==SHA512==");
  }

  private MultiScramFormat() {}

  /** Serializes credentials that share one salt and iteration count. */
  public static String format(Map<ScramHash, ScramCredential> credentials) {
    if (credentials.isEmpty()) {
      throw new IllegalArgumentException("no credentials to format");
    }
    Base64.Encoder b64 = Base64.getEncoder();
    int iterations = credentials.values().iterator().next().iterations();
    StringBuilder sb = new StringBuilder(PREFIX).append(',').append(iterations);
    for (ScramHash hash : ScramHash.values()) {
      ScramCredential c = credentials.get(hash);
      if (c != null) {
        sb.append(',')
            .append(MARKERS.get(hash))
            .append(b64.encodeToString(c.salt()))
            .append('|')
            .append(b64.encodeToString(c.storedKey()))
            .append('|')
            .append(b64.encodeToString(c.serverKey()));
      }
    }
    return sb.toString();
  }

  /**
   * Parses the column value.
   *
   * @throws IllegalArgumentException when it is not in this format
   */
  public static Map<ScramHash, ScramCredential> parse(String text) {
    String[] parts = text.split(",");
    if (parts.length < 3 || !parts[0].equals(PREFIX)) {
      throw new IllegalArgumentException("not a MULTI_SCRAM value");
    }
    int iterations = Integer.parseInt(parts[1]);
    Base64.Decoder b64 = Base64.getDecoder();
    Map<ScramHash, ScramCredential> result = new EnumMap<>(ScramHash.class);
    for (int i = 2; i < parts.length; i++) {
      ScramHash hash = hashOf(parts[i]);
      String[] values = parts[i].substring(MARKERS.get(hash).length()).split("\\|");
      if (values.length != 3) {
        throw new IllegalArgumentException("malformed " + hash + " entry");
      }
      result.put(
          hash,
          new ScramCredential(
              hash,
              b64.decode(values[0]),
              iterations,
              b64.decode(values[1]),
              b64.decode(values[2])));
    }
    return result;
  }

  private static ScramHash hashOf(String part) {
    for (Map.Entry<ScramHash, String> e : MARKERS.entrySet()) {
      if (part.startsWith(e.getValue())) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException("unknown hash in MULTI_SCRAM entry");
  }
}
