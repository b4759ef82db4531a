package io.meerkat.server.sasl;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;

/**
 * Channel binding of a server-side TLS connection: {@code tls-exporter} (RFC 9266, TLS 1.3 only,
 * needs the JDK provider on a JDK that exports keying material) and {@code tls-server-end-point}
 * (RFC 5929, a hash of our certificate, works with any provider).
 */
public final class TlsChannelBinding implements ChannelBinding {

  private static final String EXPORTER_LABEL = "EXPORTER-Channel-Binding";

  /**
   * {@code ExtendedSSLSession.exportKeyingMaterialData}, public API since JDK 25, looked up once
   * and reflectively because Meerkat compiles for 21 (null on older JDKs). Looking it up on the
   * public class matters: the session's own class is not exported.
   */
  private static final Method EXPORT = exportMethod();

  /**
   * Session classes whose provider does not implement the exporter (it throws {@link
   * UnsupportedOperationException}, as the OpenSSL engine does). That is a property of the class,
   * so it is asked once per class instead of once per connection: an exception per login is a
   * measurable part of a login storm.
   */
  private static final ClassValue<AtomicBoolean> UNSUPPORTED =
      new ClassValue<>() {
        @Override
        protected AtomicBoolean computeValue(Class<?> type) {
          return new AtomicBoolean();
        }
      };

  private final SSLEngine engine;
  private final X509Certificate certificate;

  public TlsChannelBinding(SSLEngine engine, X509Certificate certificate) {
    this.engine = engine;
    this.certificate = certificate;
  }

  @Override
  public List<String> types() {
    List<String> types = new ArrayList<>(2);
    if (exporter().isPresent()) {
      types.add("tls-exporter");
    }
    types.add("tls-server-end-point");
    return types;
  }

  @Override
  public Optional<byte[]> data(String type) {
    return switch (type) {
      case "tls-server-end-point" -> Optional.of(serverEndPoint());
      case "tls-exporter" -> exporter();
      default -> Optional.empty();
    };
  }

  private byte[] serverEndPoint() {
    String algorithm = certificate.getSigAlgName().toUpperCase(Locale.ROOT);
    String digest;
    if (algorithm.startsWith("SHA384")) {
      digest = "SHA-384";
    } else if (algorithm.startsWith("SHA512")) {
      digest = "SHA-512";
    } else {
      digest = "SHA-256"; // RFC 5929 §4.1: MD5 and SHA-1 signatures also use SHA-256
    }
    try {
      return MessageDigest.getInstance(digest).digest(certificate.getEncoded());
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot hash the server certificate", e);
    }
  }

  private Optional<byte[]> exporter() {
    SSLSession session = engine.getSession();
    if (EXPORT == null
        || !"TLSv1.3".equals(session.getProtocol())
        || !(session instanceof ExtendedSSLSession)) {
      return Optional.empty();
    }
    AtomicBoolean unsupported = UNSUPPORTED.get(session.getClass());
    if (unsupported.get()) {
      return Optional.empty();
    }
    try {
      Object data = EXPORT.invoke(session, EXPORTER_LABEL, new byte[0], 32);
      return Optional.ofNullable((byte[]) data);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof UnsupportedOperationException) {
        unsupported.set(true);
      }
      return Optional.empty();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Method exportMethod() {
    try {
      return ExtendedSSLSession.class.getMethod(
          "exportKeyingMaterialData", String.class, byte[].class, int.class);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
