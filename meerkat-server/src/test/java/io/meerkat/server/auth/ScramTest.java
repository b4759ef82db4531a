package io.meerkat.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 5802 §5 (SHA-1) and RFC 7677 §3 (SHA-256) example exchanges. */
class ScramTest {

  private static byte[] b64(String s) {
    return Base64.getDecoder().decode(s);
  }

  private static void checkExchange(
      ScramHash hash,
      String salt,
      String clientFirstBare,
      String serverFirst,
      String finalNoProof,
      String proof,
      String serverSignature) {
    ScramCredential credential = Scram.credential(hash, "pencil", b64(salt), 4096);
    byte[] authMessage =
        (clientFirstBare + "," + serverFirst + "," + finalNoProof).getBytes(StandardCharsets.UTF_8);
    assertThat(Scram.verifyClientProof(credential, authMessage, b64(proof))).isTrue();
    assertThat(Base64.getEncoder().encodeToString(Scram.serverSignature(credential, authMessage)))
        .isEqualTo(serverSignature);
    byte[] tampered = b64(proof);
    tampered[0] ^= 1;
    assertThat(Scram.verifyClientProof(credential, authMessage, tampered)).isFalse();
  }

  @Test
  void rfc5802Sha1ExampleVerifies() {
    checkExchange(
        ScramHash.SHA1,
        "QSXCR+Q6sek8bf92",
        "n=user,r=fyko+d2lbbFgONRv9qkxdawL",
        "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096",
        "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j",
        "v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=",
        "rmF9pqV8S7suAoZWja4dJRkFsKQ=");
  }

  @Test
  void rfc7677Sha256ExampleVerifies() {
    checkExchange(
        ScramHash.SHA256,
        "W22ZaJ0SNY7soEsUEjb6gQ==",
        "n=user,r=rOprNGfwEbeRWgbNEkqO",
        "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
        "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0",
        "dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=",
        "6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
  }

  @Test
  void multiScramTextRoundTrips() {
    byte[] salt = Scram.newSalt();
    Map<ScramHash, ScramCredential> credentials =
        Map.of(
            ScramHash.SHA1, Scram.credential(ScramHash.SHA1, "x", salt, 10),
            ScramHash.SHA512, Scram.credential(ScramHash.SHA512, "x", salt, 10));
    String text = MultiScramFormat.format(credentials);
    assertThat(text).startsWith("==MULTI_SCRAM==,10,===SHA1===").contains(",==SHA512==");
    Map<ScramHash, ScramCredential> parsed = MultiScramFormat.parse(text);
    assertThat(parsed.get(ScramHash.SHA512).storedKey())
        .isEqualTo(credentials.get(ScramHash.SHA512).storedKey());
    assertThat(parsed.get(ScramHash.SHA1).salt()).isEqualTo(salt);
  }
}
