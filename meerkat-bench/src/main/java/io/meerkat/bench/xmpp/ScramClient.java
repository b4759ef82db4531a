package io.meerkat.bench.xmpp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of SCRAM (RFC 5802, RFC 7677) without channel binding ({@code n,,}), for one
 * authentication exchange.
 *
 * <p>The salted password is cached in a shared {@link SaltCache} keyed by hash, password, salt and
 * iteration count (everything Hi() depends on), as RFC 5802 §5.1 allows and as load tools do:
 * otherwise every login of a storm would make the load generator do as much PBKDF2 work as the
 * first login, and the generator, not the server, would saturate. Accounts that share a salt (a
 * server that salts per domain, or a fixed salt) share one entry. Usernames are assumed to need no
 * SASLprep or escaping ({@code =} and {@code ,} are escaped).
 */
public final class ScramClient {

  /** Salted passwords shared by all connections of one generator process. */
  public static final class SaltCache {
    private final Map<String, byte[]> salted = new ConcurrentHashMap<>();

    int size() {
      return salted.size();
    }
  }

  /** SCRAM-SHA-1 or SCRAM-SHA-256. */
  public enum Hash {
    SHA1("SCRAM-SHA-1", "SHA-1", "HmacSHA1", "PBKDF2WithHmacSHA1", 160),
    SHA256("SCRAM-SHA-256", "SHA-256", "HmacSHA256", "PBKDF2WithHmacSHA256", 256);

    final String mechanism;
    final String digest;
    final String hmac;
    final String pbkdf2;
    final int bits;

    Hash(String mechanism, String digest, String hmac, String pbkdf2, int bits) {
      this.mechanism = mechanism;
      this.digest = digest;
      this.hmac = hmac;
      this.pbkdf2 = pbkdf2;
      this.bits = bits;
    }

    public String mechanism() {
      return mechanism;
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Hash hash;
  private final String username;
  private final String password;
  private final SaltCache cache;
  private final String clientNonce;
  private String clientFirstBare;
  private byte[] expectedServerSignature;

  public ScramClient(
      Hash hash, String username, String password, SaltCache cache, String clientNonce) {
    this.hash = hash;
    this.username = username;
    this.password = password;
    this.cache = cache;
    this.clientNonce = clientNonce;
  }

  public ScramClient(Hash hash, String username, String password, SaltCache cache) {
    this(hash, username, password, cache, randomNonce());
  }

  private static String randomNonce() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The client-first-message ({@code n,,n=user,r=nonce}). */
  public String clientFirst() {
    clientFirstBare = "n=" + username.replace("=", "=3D").replace(",", "=2C") + ",r=" + clientNonce;
    return "n,," + clientFirstBare;
  }

  /**
   * The client-final-message for a server-first-message.
   *
   * @throws IllegalArgumentException when the server's message is malformed or its nonce does not
   *     extend ours
   */
  public String clientFinal(String serverFirst) {
    Map<String, String> fields = parse(serverFirst);
    String nonce = fields.get("r");
    String salt = fields.get("s");
    String iterations = fields.get("i");
    if (nonce == null || salt == null || iterations == null || !nonce.startsWith(clientNonce)) {
      throw new IllegalArgumentException("bad server-first-message: " + serverFirst);
    }
    int count = Integer.parseInt(iterations);
    byte[] saltedPassword =
        cache.salted.computeIfAbsent(
            hash + "\0" + password + "\0" + salt + "\0" + count,
            k -> pbkdf2(Base64.getDecoder().decode(salt), count));
    String withoutProof = "c=biws,r=" + nonce;
    String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
    byte[] clientKey = hmac(saltedPassword, "Client Key");
    byte[] storedKey = digest(clientKey);
    byte[] clientSignature = hmac(storedKey, authMessage);
    byte[] proof = new byte[clientKey.length];
    for (int i = 0; i < proof.length; i++) {
      proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
    }
    expectedServerSignature = hmac(hmac(saltedPassword, "Server Key"), authMessage);
    return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
  }

  /** Whether the server-final-message proves the server knows the credentials. */
  public boolean verifyServerFinal(String serverFinal) {
    String v = parse(serverFinal).get("v");
    return v != null
        && expectedServerSignature != null
        && MessageDigest.isEqual(Base64.getDecoder().decode(v), expectedServerSignature);
  }

  private static Map<String, String> parse(String message) {
    Map<String, String> fields = new java.util.HashMap<>();
    for (String part : message.split(",")) {
      if (part.length() >= 2 && part.charAt(1) == '=') {
        fields.put(part.substring(0, 1), part.substring(2));
      }
    }
    return fields;
  }

  private byte[] pbkdf2(byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, hash.bits);
      return SecretKeyFactory.getInstance(hash.pbkdf2).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance(hash.hmac);
      mac.init(new SecretKeySpec(key, hash.hmac));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] digest(byte[] data) {
    try {
      return MessageDigest.getInstance(hash.digest).digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
