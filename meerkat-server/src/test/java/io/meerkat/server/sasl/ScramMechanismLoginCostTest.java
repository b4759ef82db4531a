package io.meerkat.server.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.server.auth.Scram;
import io.meerkat.server.auth.ScramCredential;
import io.meerkat.server.auth.ScramHash;
import io.meerkat.server.auth.StoredPassword;
import io.meerkat.server.auth.UserStore;
import io.meerkat.xmpp.Jid;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A SCRAM login against stored keys (the {@code ==MULTI_SCRAM==} format) needs HMACs and one hash,
 * never PBKDF2: the stored credential here claims an iteration count that would keep PBKDF2 busy
 * for hours, and the exchange must still finish at once. The client side starts from a
 * SaltedPassword it already knows, as a client with a cached salted password does.
 */
class ScramMechanismLoginCostTest {

  private static final ScramHash SHA1 = ScramHash.SHA1;
  private static final byte[] SALTED_PASSWORD = filled(20, 7);
  private static final byte[] SALT = filled(16, 3);

  private static byte[] filled(int length, int value) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) value);
    return b;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static ScramMechanism mechanismFor(ScramCredential credential) {
    UserStore users = new SingleUserStore(Jid.parse("alice@localhost"), credential);
    SaslContext context =
        new SaslContext("localhost", users, ChannelBinding.NONE, false, filled(32, 1), 4096);
    return new ScramMechanism(SHA1, false, context);
  }

  private static ScramCredential storedKeys(int iterations) {
    byte[] clientKey = Scram.hmac(SHA1, SALTED_PASSWORD, ascii("Client Key"));
    byte[] serverKey = Scram.hmac(SHA1, SALTED_PASSWORD, ascii("Server Key"));
    return new ScramCredential(SHA1, SALT, iterations, Scram.digest(SHA1, clientKey), serverKey);
  }

  /** The client-final-message for a server-first-message, from the known salted password. */
  private static String clientFinal(String clientFirstBare, String serverFirst, boolean correct) {
    Map<String, String> fields = new HashMap<>();
    for (String part : serverFirst.split(",")) {
      fields.put(part.substring(0, 1), part.substring(2));
    }
    String withoutProof = "c=biws,r=" + fields.get("r");
    byte[] authMessage =
        (clientFirstBare + "," + serverFirst + "," + withoutProof).getBytes(StandardCharsets.UTF_8);
    byte[] clientKey = Scram.hmac(SHA1, SALTED_PASSWORD, ascii("Client Key"));
    byte[] signature = Scram.hmac(SHA1, Scram.digest(SHA1, clientKey), authMessage);
    byte[] proof = new byte[clientKey.length];
    for (int i = 0; i < proof.length; i++) {
      proof[i] = (byte) (clientKey[i] ^ signature[i]);
    }
    if (!correct) {
      proof[0] ^= 1;
    }
    return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void loginWithStoredKeysSucceedsWithoutPbkdf2EvenAtAHugeIterationCount() {
    ScramMechanism scram = mechanismFor(storedKeys(Integer.MAX_VALUE));
    String clientFirstBare = "n=alice,r=fyko+d2lbbFgONRv9qkxdawL";

    SaslStep first = scram.start(ascii("n,," + clientFirstBare));
    String serverFirst = new String(((SaslStep.Challenge) first).data(), StandardCharsets.UTF_8);
    assertThat(serverFirst)
        .contains(",s=" + Base64.getEncoder().encodeToString(SALT))
        .endsWith(",i=" + Integer.MAX_VALUE);

    String clientFinal = clientFinal(clientFirstBare, serverFirst, true);
    SaslStep last = scram.step(clientFinal.getBytes(StandardCharsets.UTF_8));

    assertThat(last).isInstanceOf(SaslStep.Success.class);
    SaslStep.Success success = (SaslStep.Success) last;
    assertThat(success.user()).isEqualTo(Jid.parse("alice@localhost"));
    byte[] authMessage =
        (clientFirstBare
                + ","
                + serverFirst
                + ","
                + clientFinal.substring(0, clientFinal.indexOf(",p=")))
            .getBytes(StandardCharsets.UTF_8);
    byte[] expected =
        Scram.hmac(SHA1, Scram.hmac(SHA1, SALTED_PASSWORD, ascii("Server Key")), authMessage);
    assertThat(new String(success.additionalData(), StandardCharsets.UTF_8))
        .isEqualTo("v=" + Base64.getEncoder().encodeToString(expected));
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void aWrongProofAgainstStoredKeysIsNotAuthorized() {
    ScramMechanism scram = mechanismFor(storedKeys(Integer.MAX_VALUE));
    String clientFirstBare = "n=alice,r=rOprNGfwEbeRWgbNEkqO";
    String serverFirst =
        new String(
            ((SaslStep.Challenge) scram.start(ascii("n,," + clientFirstBare))).data(),
            StandardCharsets.UTF_8);

    SaslStep last =
        scram.step(
            clientFinal(clientFirstBare, serverFirst, false).getBytes(StandardCharsets.UTF_8));

    assertThat(last).isInstanceOf(SaslStep.Failure.class);
    assertThat(((SaslStep.Failure) last).condition().elementName()).isEqualTo("not-authorized");
  }

  /** One account with stored SCRAM keys; the login path only reads it. */
  private record SingleUserStore(Jid user, ScramCredential credential) implements UserStore {

    @Override
    public Optional<StoredPassword> storedPassword(Jid who) {
      return who.equals(user)
          ? Optional.of(new StoredPassword(Map.of(SHA1, credential), Optional.empty()))
          : Optional.empty();
    }

    @Override
    public boolean exists(Jid who) {
      return who.equals(user);
    }

    @Override
    public boolean register(Jid who, String password) {
      throw new UnsupportedOperationException("not used by a login");
    }

    @Override
    public boolean checkPassword(Jid who, String password) {
      throw new UnsupportedOperationException("not used by a login");
    }

    @Override
    public boolean changePassword(Jid who, String newPassword) {
      throw new UnsupportedOperationException("not used by a login");
    }

    @Override
    public boolean remove(Jid who) {
      throw new UnsupportedOperationException("not used by a login");
    }

    @Override
    public List<String> listUsers(String domain) {
      throw new UnsupportedOperationException("not used by a login");
    }

    @Override
    public long countUsers(String domain) {
      throw new UnsupportedOperationException("not used by a login");
    }
  }
}
