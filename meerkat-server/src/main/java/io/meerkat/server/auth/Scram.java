package io.meerkat.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SCRAM primitives of RFC 5802 §3 on JDK crypto: salted password, client/stored/server keys,
 * proofs and signatures. Passwords passed in must already be SASLprep-ed.
 */
public final class Scram {

  /** Salt length for new credentials. */
  public static final int SALT_BYTES = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Scram() {}

  /** A fresh random salt. */
  public static byte[] newSalt() {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return salt;
  }

  /** Credentials for one hash: what the server stores instead of the password. */
  public static ScramCredential credential(
      ScramHash hash, String preparedPassword, byte[] salt, int iterations) {
    byte[] salted = saltedPassword(hash, preparedPassword, salt, iterations);
    byte[] clientKey = hmac(hash, salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
    byte[] storedKey = digest(hash, clientKey);
    byte[] serverKey = hmac(hash, salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
    return new ScramCredential(hash, salt.clone(), iterations, storedKey, serverKey);
  }

  /** SaltedPassword := Hi(Normalize(password), salt, i), i.e. PBKDF2 with HMAC-H. */
  public static byte[] saltedPassword(
      ScramHash hash, String preparedPassword, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec =
          new PBEKeySpec(preparedPassword.toCharArray(), salt, iterations, hash.outputBytes() * 8);
      return SecretKeyFactory.getInstance(hash.pbkdf2Algorithm()).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2 with " + hash + " is not available", e);
    }
  }

  public static byte[] hmac(ScramHash hash, byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(hash.macAlgorithm());
      mac.init(new SecretKeySpec(key, hash.macAlgorithm()));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(hash.macAlgorithm() + " is not available", e);
    }
  }

  public static byte[] digest(ScramHash hash, byte[] data) {
    try {
      return MessageDigest.getInstance(hash.digestAlgorithm()).digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(hash.digestAlgorithm() + " is not available", e);
    }
  }

  /**
   * Checks a client proof: ClientKey = proof XOR HMAC(StoredKey, AuthMessage); it is valid when
   * H(ClientKey) equals the stored key. Constant time.
   */
  public static boolean verifyClientProof(
      ScramCredential credential, byte[] authMessage, byte[] clientProof) {
    byte[] signature = hmac(credential.hash(), credential.storedKey(), authMessage);
    if (clientProof.length != signature.length) {
      return false;
    }
    byte[] clientKey = new byte[signature.length];
    for (int i = 0; i < signature.length; i++) {
      clientKey[i] = (byte) (clientProof[i] ^ signature[i]);
    }
    return MessageDigest.isEqual(digest(credential.hash(), clientKey), credential.storedKey());
  }

  /** ServerSignature := HMAC(ServerKey, AuthMessage). */
  public static byte[] serverSignature(ScramCredential credential, byte[] authMessage) {
    return hmac(credential.hash(), credential.serverKey(), authMessage);
  }
}
