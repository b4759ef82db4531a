package io.meerkat.bench.micro;

import io.meerkat.server.sasl.TlsChannelBinding;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.ReferenceCountUtil;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The channel-binding types a TLS 1.3 connection on Meerkat's OpenSSL (BoringSSL) engine offers,
 * asked once per login when the stream features after STARTTLS are built. The engine cannot export
 * keying material, so {@code tls-exporter} is not offered; finding that out used to cost a
 * reflective lookup and an exception on every login.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ChannelBindingBenchmark {

  private Path dir;
  private SSLEngine clientEngine;
  private SSLEngine serverEngine;
  private X509Certificate leaf;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("cb-bench");
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    leaf = InMemoryTls.selfSigned(false, cert, key);
    SslContext server = InMemoryTls.serverContext(cert, key, leaf);
    SslContext client =
        SslContextBuilder.forClient()
            .sslProvider(SslProvider.OPENSSL)
            .trustManager(InsecureTrustManagerFactory.INSTANCE)
            .build();
    clientEngine = client.newEngine(ByteBufAllocator.DEFAULT);
    serverEngine = server.newEngine(ByteBufAllocator.DEFAULT);
    new InMemoryTls().handshake(clientEngine, serverEngine);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    ReferenceCountUtil.release(clientEngine);
    ReferenceCountUtil.release(serverEngine);
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }

  @Benchmark
  public List<String> offeredTypes() {
    return new TlsChannelBinding(serverEngine, leaf).types();
  }
}
