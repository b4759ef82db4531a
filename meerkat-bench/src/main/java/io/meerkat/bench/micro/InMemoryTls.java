package io.meerkat.bench.micro;

import io.meerkat.server.config.TlsConfig;
import io.meerkat.server.tls.ServerSslContexts;
import io.meerkat.server.tls.TlsMaterial;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * TLS between two {@link SSLEngine}s in memory on one thread, for the TLS micro-benchmarks, and
 * their self-signed certificates (made with the {@code openssl} command, as {@code bench/compare}
 * makes the servers' certificates). Not thread-safe: one per benchmark thread.
 */
final class InMemoryTls {

  private final ByteBuffer toServer = ByteBuffer.allocateDirect(1 << 16);
  private final ByteBuffer toClient = ByteBuffer.allocateDirect(1 << 16);
  private final ByteBuffer plain = ByteBuffer.allocateDirect(1 << 16);
  private final ByteBuffer empty = ByteBuffer.allocateDirect(0);

  /** The server's TLS context as a c2s listener builds it (OpenSSL, TLS 1.2 and 1.3). */
  static SslContext serverContext(Path cert, Path key, X509Certificate leaf) throws SSLException {
    TlsConfig config =
        new TlsConfig(
            TlsConfig.TlsMode.STARTTLS_REQUIRED,
            Optional.of(cert),
            Optional.of(key),
            Optional.empty(),
            List.of("tlsv1.2", "tlsv1.3"),
            List.of(),
            TlsConfig.Provider.OPENSSL);
    return ServerSslContexts.build(config, new TlsMaterial(cert, key, Optional.empty(), leaf));
  }

  /** Writes a self-signed certificate for {@code localhost} and its key as PEM files. */
  static X509Certificate selfSigned(boolean rsa, Path cert, Path key)
      throws IOException, InterruptedException, GeneralSecurityException {
    List<String> cmd = new ArrayList<>(List.of("openssl", "req", "-x509", "-nodes", "-sha256"));
    cmd.addAll(
        rsa
            ? List.of("-newkey", "rsa:2048")
            : List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"));
    cmd.addAll(List.of("-days", "2", "-subj", "/CN=localhost"));
    cmd.addAll(List.of("-keyout", key.toString(), "-out", cert.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("openssl req failed: " + cmd);
    }
    try (InputStream in = Files.newInputStream(cert)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  /** Runs a full handshake between a client and a server engine. */
  void handshake(SSLEngine client, SSLEngine server) throws SSLException {
    client.beginHandshake();
    server.beginHandshake();
    toServer.clear();
    toClient.clear();
    for (int round = 0; round < 20; round++) {
      step(client, toServer, toClient);
      step(server, toClient, toServer);
      if (done(client) && done(server)) {
        return;
      }
    }
    throw new IllegalStateException("handshake did not finish");
  }

  private static boolean done(SSLEngine e) {
    HandshakeStatus h = e.getHandshakeStatus();
    return h == HandshakeStatus.NOT_HANDSHAKING || h == HandshakeStatus.FINISHED;
  }

  /** Lets one side read what it was sent and write what it has to send. */
  private void step(SSLEngine e, ByteBuffer out, ByteBuffer in) throws SSLException {
    in.flip();
    while (in.hasRemaining()) {
      plain.clear();
      int before = in.remaining();
      e.unwrap(in, plain);
      runTasks(e);
      if (in.remaining() == before) {
        break;
      }
    }
    in.compact();
    while (true) {
      int before = out.position();
      e.wrap(empty, out);
      runTasks(e);
      if (out.position() == before) {
        break;
      }
    }
  }

  private static void runTasks(SSLEngine e) {
    Runnable task;
    while ((task = e.getDelegatedTask()) != null) {
      task.run();
    }
  }
}
