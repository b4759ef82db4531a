package io.meerkat.bench.micro;

import io.meerkat.server.tls.ServerSslContexts;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One full TLS 1.3 handshake in memory between the load generator's client context and Meerkat's
 * server context ({@link ServerSslContexts}, BoringSSL), both sides on this thread: the part of a
 * login that dominated the server's CPU profile. The parameters are the certificate kind (the
 * server's signature: RSA-2048 or ECDSA P-256) and the key-exchange group the client offers (the
 * hybrid post-quantum X25519MLKEM768 costs more than X25519).
 *
 * <p>The certificate is made with the {@code openssl} command (as {@code bench/compare} makes the
 * servers' certificates), so it must be on the path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class TlsHandshakeBenchmark {

  @Param({"rsa2048", "ecdsa-p256"})
  public String certificate;

  @Param({"X25519", "X25519MLKEM768"})
  public String group;

  private Path dir;
  private SslContext server;
  private SslContext client;
  private final InMemoryTls tls = new InMemoryTls();

  @Setup(Level.Trial)
  public void setUp() throws IOException, InterruptedException, Exception {
    dir = Files.createTempDirectory("tls-bench");
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    X509Certificate leaf = InMemoryTls.selfSigned(certificate.equals("rsa2048"), cert, key);
    server = InMemoryTls.serverContext(cert, key, leaf);
    client =
        SslContextBuilder.forClient()
            .sslProvider(SslProvider.OPENSSL)
            .trustManager(InsecureTrustManagerFactory.INSTANCE)
            .option(OpenSslContextOption.GROUPS, new String[] {group})
            .build();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }

  @Benchmark
  public String fullHandshake() throws SSLException {
    SSLEngine c = client.newEngine(ByteBufAllocator.DEFAULT);
    SSLEngine s = server.newEngine(ByteBufAllocator.DEFAULT);
    try {
      tls.handshake(c, s);
      return s.getSession().getCipherSuite();
    } finally {
      ReferenceCountUtil.release(c);
      ReferenceCountUtil.release(s);
    }
  }
}
