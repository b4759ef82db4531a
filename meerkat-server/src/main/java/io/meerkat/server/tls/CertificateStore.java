package io.meerkat.server.tls;

import io.meerkat.server.config.TlsConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the certificate of a listener: the configured PEM files, or the generated self-signed
 * certificate kept under {@code <data_dir>/certs/}. That one is created on first start for the
 * served hosts and reused afterwards; it is replaced when the hosts change.
 */
public final class CertificateStore {

  private static final Logger LOG = LoggerFactory.getLogger(CertificateStore.class);

  private final Path certsDir;
  private final List<String> hosts;

  public CertificateStore(Path dataDir, List<String> hosts) {
    this.certsDir = dataDir.resolve("certs");
    this.hosts = List.copyOf(hosts);
  }

  /**
   * The material for one listener.
   *
   * @throws TlsSetupException when configured files are missing or unreadable
   */
  public TlsMaterial material(TlsConfig tls) {
    if (tls.certfile().isPresent()) {
      return configured(tls);
    }
    return generated();
  }

  private TlsMaterial configured(TlsConfig tls) {
    Path cert = tls.certfile().get();
    try {
      List<X509Certificate> chain = Pem.certificates(cert);
      if (chain.isEmpty()) {
        throw new TlsSetupException("no certificate in " + cert);
      }
      Path key = tls.keyfile().orElse(cert);
      if (!Pem.containsPrivateKey(key)) {
        throw new TlsSetupException(
            "no private key in " + key + " (set tls.keyfile or append the key to tls.certfile)");
      }
      return new TlsMaterial(cert, key, tls.password(), chain.get(0));
    } catch (IOException | GeneralSecurityException e) {
      throw new TlsSetupException("cannot read TLS certificate " + cert + ": " + e.getMessage(), e);
    }
  }

  /** The self-signed certificate for the hosts, created or replaced when needed. */
  public synchronized TlsMaterial generated() {
    Path cert = certsDir.resolve("meerkat.crt");
    Path key = certsDir.resolve("meerkat.key");
    try {
      if (Files.exists(cert) && Files.exists(key)) {
        X509Certificate existing = Pem.certificates(cert).get(0);
        if (dnsNames(existing).equals(hosts)) {
          return new TlsMaterial(cert, key, Optional.empty(), existing);
        }
        LOG.warn("Served hosts changed; replacing the self-signed certificate in {}", certsDir);
      }
      SelfSignedCertificates.Generated generated = SelfSignedCertificates.generate(hosts);
      Files.createDirectories(certsDir);
      Path tmpKey = certsDir.resolve("meerkat.key.tmp");
      Files.deleteIfExists(tmpKey);
      Files.createFile(
          tmpKey,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(
          tmpKey,
          Pem.encode("PRIVATE KEY", generated.key().getEncoded()),
          StandardCharsets.US_ASCII);
      Files.move(
          tmpKey,
          key,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      Files.writeString(
          cert,
          Pem.encode("CERTIFICATE", generated.certificate().getEncoded()),
          StandardCharsets.US_ASCII);
      LOG.warn(
          "Generated a self-signed TLS certificate for {} in {}; clients will not trust it."
              + " Configure tls.certfile for production.",
          hosts,
          certsDir);
      return new TlsMaterial(cert, key, Optional.empty(), generated.certificate());
    } catch (IOException | GeneralSecurityException e) {
      throw new TlsSetupException(
          "cannot create the self-signed certificate in " + certsDir + ": " + e, e);
    }
  }

  private static List<String> dnsNames(X509Certificate certificate)
      throws CertificateParsingException {
    List<String> names = new ArrayList<>();
    Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
    if (sans != null) {
      for (List<?> san : sans) {
        if (Integer.valueOf(2).equals(san.get(0))) {
          names.add((String) san.get(1));
        }
      }
    }
    return names;
  }
}
