package io.meerkat.bench.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScramClientTest {

  @Test
  void scramSha1ProducesTheProofOfRfc5802Section5() {
    ScramClient.SaltCache cache = new ScramClient.SaltCache();
    ScramClient c =
        new ScramClient(ScramClient.Hash.SHA1, "user", "pencil", cache, "fyko+d2lbbFgONRv9qkxdawL");

    assertThat(c.clientFirst()).isEqualTo("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL");
    assertThat(
            c.clientFinal("r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096"))
        .isEqualTo(
            "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=");
    assertThat(c.verifyServerFinal("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=")).isTrue();
  }

  @Test
  void scramSha256ProducesTheProofOfRfc7677Section3() {
    ScramClient c =
        new ScramClient(
            ScramClient.Hash.SHA256,
            "user",
            "pencil",
            new ScramClient.SaltCache(),
            "rOprNGfwEbeRWgbNEkqO");

    c.clientFirst();
    assertThat(
            c.clientFinal(
                "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                    + "s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"))
        .isEqualTo(
            "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
    assertThat(c.verifyServerFinal("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=")).isTrue();
  }

  @Test
  void aWrongServerSignatureIsRejected() {
    ScramClient c =
        new ScramClient(
            ScramClient.Hash.SHA1, "user", "pencil", new ScramClient.SaltCache(), "abc");
    c.clientFirst();
    c.clientFinal("r=abcdef,s=QSXCR+Q6sek8bf92,i=4096");

    assertThat(c.verifyServerFinal("v=AAAAAAAAAAAAAAAAAAAAAAAAAAA=")).isFalse();
    assertThat(c.verifyServerFinal("e=invalid-proof")).isFalse();
  }

  @Test
  void aServerNonceThatDoesNotExtendTheClientNonceIsRejected() {
    ScramClient c =
        new ScramClient(
            ScramClient.Hash.SHA1, "user", "pencil", new ScramClient.SaltCache(), "abc");
    c.clientFirst();

    assertThatThrownBy(() -> c.clientFinal("r=xyz123,s=QSXCR+Q6sek8bf92,i=4096"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSaltedPasswordIsComputedOncePerUserSaltAndIterationCount() {
    ScramClient.SaltCache cache = new ScramClient.SaltCache();
    for (int i = 0; i < 3; i++) {
      ScramClient c = new ScramClient(ScramClient.Hash.SHA1, "user", "pencil", cache, "n" + i);
      c.clientFirst();
      c.clientFinal("r=n" + i + "srv,s=QSXCR+Q6sek8bf92,i=4096");
    }
    ScramClient other = new ScramClient(ScramClient.Hash.SHA1, "user", "pencil", cache, "m");
    other.clientFirst();
    other.clientFinal("r=msrv,s=QSXCR+Q6sek8bf92,i=2048");

    assertThat(cache.size()).isEqualTo(2);
  }
}
