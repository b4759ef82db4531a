package io.meerkat.cets.transport.netty;

import io.meerkat.cets.transport.NodeId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Challenge–response proof of the shared cluster secret. Each side answers the other's nonce with
 * HMAC-SHA-256(secret, label | challenger's nonce | prover's nonce | prover | challenger). Binding
 * both identities and both nonces makes a proof useless on any other link or in the other
 * direction, so it cannot be replayed or reflected; the secret itself never leaves the node.
 */
final class HandshakeAuth {

  private static final byte[] LABEL = "meerkat-cets-link-v1".getBytes(StandardCharsets.US_ASCII);

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  HandshakeAuth(byte[] secret) {
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  byte[] nonce() {
    byte[] nonce = new byte[Hello.NONCE_BYTES];
    random.nextBytes(nonce);
    return nonce;
  }

  /** The proof that {@code prover} knows the secret, answering {@code challengerNonce}. */
  byte[] proof(NodeId prover, byte[] proverNonce, NodeId challenger, byte[] challengerNonce) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(LABEL);
      mac.update(challengerNonce);
      mac.update(proverNonce);
      mac.update(identity(prover));
      mac.update(identity(challenger));
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** Constant-time check of a received proof. */
  boolean verify(
      byte[] received,
      NodeId prover,
      byte[] proverNonce,
      NodeId challenger,
      byte[] challengerNonce) {
    return MessageDigest.isEqual(received, proof(prover, proverNonce, challenger, challengerNonce));
  }

  private static byte[] identity(NodeId node) {
    byte[] name = node.name().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + name.length + 8)
        .putInt(name.length)
        .put(name)
        .putLong(node.incarnation())
        .array();
  }
}
