package io.meerkat.server.tls;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Creates a self-signed RSA-2048 certificate (SHA-256 signature, the most widely accepted kind)
 * whose subject alternative names are the served XMPP domains, so a fresh node can offer TLS with
 * zero set-up. Clients will not trust it; it is for development and for operators who have not
 * installed a real certificate yet.
 */
final class SelfSignedCertificates {

  /** A certificate and its private key. */
  record Generated(X509Certificate certificate, java.security.PrivateKey key) {}

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

  private SelfSignedCertificates() {}

  static Generated generate(List<String> hosts) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    byte[] sha256WithRsa = Der.sequence(Der.oid(1, 2, 840, 113549, 1, 1, 11), Der.nul());
    byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid(2, 5, 4, 3), Der.utf8(hosts.get(0)))));
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(5);
    byte[] validity =
        Der.sequence(
            Der.generalizedTime(TIME.format(now)),
            Der.generalizedTime(TIME.format(now.plusYears(10))));
    byte[] tbs =
        Der.sequence(
            Der.explicit(0, Der.integer(BigInteger.TWO)),
            Der.integer(new BigInteger(64, new SecureRandom()).add(BigInteger.ONE)),
            sha256WithRsa,
            name,
            validity,
            name,
            keys.getPublic().getEncoded(),
            Der.explicit(3, Der.sequence(subjectAltNames(hosts), serverAuthUsage())));
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(keys.getPrivate());
    signer.update(tbs);
    byte[] certificate = Der.sequence(tbs, sha256WithRsa, Der.bitString(signer.sign()));
    X509Certificate parsed =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate));
    parsed.verify(keys.getPublic());
    return new Generated(parsed, keys.getPrivate());
  }

  private static byte[] subjectAltNames(List<String> hosts) {
    byte[][] names = new byte[hosts.size()][];
    for (int i = 0; i < hosts.size(); i++) {
      names[i] =
          Der.implicitPrimitive(
              2, hosts.get(i).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    return Der.sequence(Der.oid(2, 5, 29, 17), Der.octetString(Der.sequence(names)));
  }

  private static byte[] serverAuthUsage() {
    return Der.sequence(
        Der.oid(2, 5, 29, 37), Der.octetString(Der.sequence(Der.oid(1, 3, 6, 1, 5, 5, 7, 3, 1))));
  }
}
