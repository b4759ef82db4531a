package io.meerkat.server.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads and writes PEM blocks. */
final class Pem {
  private Pem() {}

  static String encode(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** The certificates in a PEM file, in file order (leaf first for a chain). */
  static List<X509Certificate> certificates(Path file)
      throws IOException, GeneralSecurityException {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    List<X509Certificate> result = new ArrayList<>();
    for (byte[] der : blocks(Files.readString(file), "CERTIFICATE")) {
      result.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
    }
    return result;
  }

  /** True when the file holds a private key block of any kind. */
  static boolean containsPrivateKey(Path file) throws IOException {
    String text = Files.readString(file);
    return text.contains("PRIVATE KEY-----");
  }

  static List<byte[]> blocks(String text, String type) {
    List<byte[]> result = new ArrayList<>();
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = 0;
    while (true) {
      int start = text.indexOf(begin, from);
      if (start < 0) {
        return result;
      }
      int stop = text.indexOf(end, start);
      if (stop < 0) {
        return result;
      }
      String body = text.substring(start + begin.length(), stop).replaceAll("\\s", "");
      result.add(Base64.getDecoder().decode(body));
      from = stop + end.length();
    }
  }
}
