package io.meerkat.server.auth;

/** The hash functions SCRAM credentials are stored for, with their SASL and JCA names. */
public enum ScramHash {
  SHA1("sha", "SCRAM-SHA-1", "SHA-1", "HmacSHA1", "PBKDF2WithHmacSHA1", 20),
  SHA224("sha224", "SCRAM-SHA-224", "SHA-224", "HmacSHA224", "PBKDF2WithHmacSHA224", 28),
  SHA256("sha256", "SCRAM-SHA-256", "SHA-256", "HmacSHA256", "PBKDF2WithHmacSHA256", 32),
  SHA384("sha384", "SCRAM-SHA-384", "SHA-384", "HmacSHA384", "PBKDF2WithHmacSHA384", 48),
  SHA512("sha512", "SCRAM-SHA-512", "SHA-512", "HmacSHA512", "PBKDF2WithHmacSHA512", 64);

  private final String configName;
  private final String mechanism;
  private final String digestAlgorithm;
  private final String macAlgorithm;
  private final String pbkdf2Algorithm;
  private final int outputBytes;

  ScramHash(
      String configName,
      String mechanism,
      String digestAlgorithm,
      String macAlgorithm,
      String pbkdf2Algorithm,
      int outputBytes) {
    this.configName = configName;
    this.mechanism = mechanism;
    this.digestAlgorithm = digestAlgorithm;
    this.macAlgorithm = macAlgorithm;
    this.pbkdf2Algorithm = pbkdf2Algorithm;
    this.outputBytes = outputBytes;
  }

  /** The name used in {@code auth.password.hash} (MongooseIM's names: sha, sha224, ...). */
  public String configName() {
    return configName;
  }

  /** The SASL mechanism name without channel binding, e.g. {@code SCRAM-SHA-256}. */
  public String mechanism() {
    return mechanism;
  }

  public String digestAlgorithm() {
    return digestAlgorithm;
  }

  public String macAlgorithm() {
    return macAlgorithm;
  }

  public String pbkdf2Algorithm() {
    return pbkdf2Algorithm;
  }

  public int outputBytes() {
    return outputBytes;
  }
}
