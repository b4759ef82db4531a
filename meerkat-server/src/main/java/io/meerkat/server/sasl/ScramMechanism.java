package io.meerkat.server.sasl;

import io.meerkat.server.auth.Scram;
import io.meerkat.server.auth.ScramCredential;
import io.meerkat.server.auth.ScramHash;
import io.meerkat.server.auth.StoredPassword;
import io.meerkat.server.storage.DatabaseException;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.SaslFailure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * SCRAM-SHA-* and SCRAM-SHA-*-PLUS (RFC 5802, RFC 7677) with channel binding.
 *
 * <p>Unknown users get a full exchange with a deterministic fake salt and always fail at the proof,
 * so the exchange does not reveal whether an account exists. Accounts stored as plain passwords get
 * credentials derived on the fly.
 */
final class ScramMechanism implements SaslMechanism {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ScramHash hash;
  private final boolean plus;
  private final SaslContext context;
  private ScramClientFirst clientFirst;
  private ScramCredential credential;
  private boolean knownUser;
  private Jid user;
  private String serverFirst;
  private String nonce;

  ScramMechanism(ScramHash hash, boolean plus, SaslContext context) {
    this.hash = hash;
    this.plus = plus;
    this.context = context;
  }

  @Override
  public SaslStep start(byte[] initialResponse) {
    if (clientFirst != null) {
      return SaslStep.failure(SaslFailure.MALFORMED_REQUEST, "Exchange already started");
    }
    if (initialResponse.length == 0) {
      return new SaslStep.Challenge(new byte[0]);
    }
    clientFirst = ScramClientFirst.parse(new String(initialResponse, StandardCharsets.UTF_8));
    if (clientFirst == null) {
      return SaslStep.failure(SaslFailure.MALFORMED_REQUEST, "Malformed client-first-message");
    }
    SaslStep.Failure bindingProblem = checkChannelBindingFlag();
    if (bindingProblem != null) {
      return bindingProblem;
    }
    user = Jid.parseOrNull(clientFirst.username() + "@" + context.domain());
    if (user == null || !user.isBare()) {
      return SaslStep.failure(SaslFailure.NOT_AUTHORIZED, null);
    }
    if (clientFirst.authzid() != null) {
      Jid authz = Jid.parseOrNull(clientFirst.authzid());
      if (authz == null || !authz.toBare().equals(user)) {
        return SaslStep.failure(SaslFailure.INVALID_AUTHZID, null);
      }
    }
    try {
      credential = lookupCredential();
    } catch (DatabaseException e) {
      return SaslStep.failure(SaslFailure.TEMPORARY_AUTH_FAILURE, "Account store unavailable");
    }
    byte[] serverNonce = new byte[18];
    RANDOM.nextBytes(serverNonce);
    nonce = clientFirst.nonce() + Base64.getEncoder().encodeToString(serverNonce);
    serverFirst =
        "r="
            + nonce
            + ",s="
            + Base64.getEncoder().encodeToString(credential.salt())
            + ",i="
            + credential.iterations();
    return new SaslStep.Challenge(serverFirst.getBytes(StandardCharsets.UTF_8));
  }

  private SaslStep.Failure checkChannelBindingFlag() {
    switch (clientFirst.cbFlag()) {
      case 'p' -> {
        if (!plus) {
          return SaslStep.failure(
              SaslFailure.MALFORMED_REQUEST, "Channel binding needs a -PLUS mechanism");
        }
        if (context.channelBinding().data(clientFirst.cbName()).isEmpty()) {
          return SaslStep.failure(
              SaslFailure.NOT_AUTHORIZED,
              "Channel binding type not supported: " + clientFirst.cbName());
        }
        return null;
      }
      case 'y' -> {
        return plus || context.plusOffered()
            ? SaslStep.failure(SaslFailure.NOT_AUTHORIZED, "Channel binding downgrade detected")
            : null;
      }
      default -> {
        return plus
            ? SaslStep.failure(SaslFailure.MALFORMED_REQUEST, "-PLUS needs channel binding")
            : null;
      }
    }
  }

  private ScramCredential lookupCredential() {
    Optional<StoredPassword> stored = context.users().storedPassword(user);
    if (stored.isPresent()) {
      Optional<ScramCredential> scram = stored.get().scram(hash);
      if (scram.isPresent()) {
        knownUser = true;
        return scram.get();
      }
      if (stored.get().plain().isPresent()) {
        knownUser = true;
        return Scram.credential(
            hash, stored.get().plain().get(), fakeSalt(), context.scramIterations());
      }
    }
    knownUser = false;
    byte[] random = new byte[hash.outputBytes()];
    RANDOM.nextBytes(random);
    return new ScramCredential(hash, fakeSalt(), context.scramIterations(), random, random);
  }

  /** A salt that is stable per user, so repeated probes of an unknown name look like an account. */
  private byte[] fakeSalt() {
    byte[] mac =
        Scram.hmac(
            ScramHash.SHA256,
            context.fakeSaltKey(),
            user.toString().getBytes(StandardCharsets.UTF_8));
    return java.util.Arrays.copyOf(mac, Scram.SALT_BYTES);
  }

  @Override
  public SaslStep step(byte[] response) {
    if (serverFirst == null) {
      return start(response);
    }
    String message = new String(response, StandardCharsets.UTF_8);
    int proofAt = message.lastIndexOf(",p=");
    if (!message.startsWith("c=") || proofAt < 0) {
      return SaslStep.failure(SaslFailure.MALFORMED_REQUEST, "Malformed client-final-message");
    }
    String withoutProof = message.substring(0, proofAt);
    String[] attributes = withoutProof.split(",", -1);
    if (attributes.length < 2 || !attributes[1].startsWith("r=")) {
      return SaslStep.failure(SaslFailure.MALFORMED_REQUEST, "Malformed client-final-message");
    }
    byte[] binding;
    byte[] proof;
    try {
      binding = Base64.getDecoder().decode(attributes[0].substring(2));
      proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
    } catch (IllegalArgumentException e) {
      return SaslStep.failure(SaslFailure.INCORRECT_ENCODING, "Bad base64 in client-final-message");
    }
    if (!MessageDigest.isEqual(binding, expectedBinding())) {
      return SaslStep.failure(SaslFailure.NOT_AUTHORIZED, "Channel binding mismatch");
    }
    if (!attributes[1].substring(2).equals(nonce)) {
      return SaslStep.failure(SaslFailure.NOT_AUTHORIZED, "Nonce mismatch");
    }
    byte[] authMessage =
        (clientFirst.bare() + "," + serverFirst + "," + withoutProof)
            .getBytes(StandardCharsets.UTF_8);
    if (!Scram.verifyClientProof(credential, authMessage, proof) || !knownUser) {
      return SaslStep.failure(SaslFailure.NOT_AUTHORIZED, null);
    }
    String serverFinal =
        "v=" + Base64.getEncoder().encodeToString(Scram.serverSignature(credential, authMessage));
    return new SaslStep.Success(user, serverFinal.getBytes(StandardCharsets.UTF_8));
  }

  private byte[] expectedBinding() {
    byte[] header = clientFirst.gs2Header().getBytes(StandardCharsets.UTF_8);
    if (clientFirst.cbFlag() != 'p') {
      return header;
    }
    byte[] data = context.channelBinding().data(clientFirst.cbName()).orElse(new byte[0]);
    byte[] all = new byte[header.length + data.length];
    System.arraycopy(header, 0, all, 0, header.length);
    System.arraycopy(data, 0, all, header.length, data.length);
    return all;
  }
}
