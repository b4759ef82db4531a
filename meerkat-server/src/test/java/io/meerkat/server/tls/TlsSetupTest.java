package io.meerkat.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meerkat.server.config.TlsConfig;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TlsSetupTest {

  @TempDir Path dataDir;
  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

  @AfterEach
  void stop() {
    group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.SECONDS);
  }

  private static TlsConfig tls(TlsConfig.Provider provider, List<String> versions) {
    return new TlsConfig(
        TlsConfig.TlsMode.TLS,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        versions,
        List.of(),
        provider);
  }

  @Test
  void aSelfSignedCertificateForTheHostsIsGeneratedOnceAndReused() throws Exception {
    CertificateStore store = new CertificateStore(dataDir, List.of("localhost", "example.com"));
    TlsMaterial first = store.generated();
    assertThat(first.leaf().getSubjectAlternativeNames())
        .extracting(san -> (Object) san.get(1))
        .containsExactly((Object) "localhost", "example.com");
    assertThat(Files.getPosixFilePermissions(first.keyFile()))
        .extracting(Object::toString)
        .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    TlsMaterial again =
        new CertificateStore(dataDir, List.of("localhost", "example.com")).generated();
    assertThat(again.leaf().getSerialNumber()).isEqualTo(first.leaf().getSerialNumber());
    TlsMaterial changed = new CertificateStore(dataDir, List.of("other.example")).generated();
    assertThat(changed.leaf().getSerialNumber()).isNotEqualTo(first.leaf().getSerialNumber());
  }

  @Test
  void configuredFilesWithoutAKeyAreAClearError() throws Exception {
    TlsMaterial generated = new CertificateStore(dataDir, List.of("localhost")).generated();
    TlsConfig config =
        new TlsConfig(
            TlsConfig.TlsMode.TLS,
            Optional.of(generated.certificateFile()),
            Optional.empty(),
            Optional.empty(),
            List.of("tlsv1.3"),
            List.of(),
            TlsConfig.Provider.JDK);
    assertThatThrownBy(() -> new CertificateStore(dataDir, List.of("localhost")).material(config))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageContaining("no private key");
    TlsConfig withKey =
        new TlsConfig(
            TlsConfig.TlsMode.TLS,
            Optional.of(generated.certificateFile()),
            Optional.of(generated.keyFile()),
            Optional.empty(),
            List.of("tlsv1.3"),
            List.of(),
            TlsConfig.Provider.JDK);
    assertThat(new CertificateStore(dataDir, List.of("x")).material(withKey).leaf())
        .isEqualTo(generated.leaf());
  }

  @ParameterizedTest
  @EnumSource(TlsConfig.Provider.class)
  void clientsCompleteAHandshakeWithEitherProvider(TlsConfig.Provider provider) throws Exception {
    TlsMaterial material = new CertificateStore(dataDir, List.of("localhost")).generated();
    SslContext context =
        ServerSslContexts.build(tls(provider, List.of("tlsv1.2", "tlsv1.3")), material);
    int port = serve(context);
    for (String version : List.of("TLSv1.2", "TLSv1.3")) {
      try (SSLSocket socket = connect(material.leaf(), port, version)) {
        socket.startHandshake();
        assertThat(socket.getSession().getProtocol()).isEqualTo(version);
      }
    }
  }

  @Test
  void versionsNotConfiguredAreRefused() throws Exception {
    TlsMaterial material = new CertificateStore(dataDir, List.of("localhost")).generated();
    int port =
        serve(ServerSslContexts.build(tls(TlsConfig.Provider.JDK, List.of("tlsv1.3")), material));
    try (SSLSocket socket = connect(material.leaf(), port, "TLSv1.2")) {
      assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLHandshakeException.class);
    }
  }

  private int serve(SslContext context) throws InterruptedException {
    Channel server =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(
                            context.newHandler(ch.alloc()),
                            new ChannelInboundHandlerAdapter() {
                              @Override
                              public void exceptionCaught(
                                  ChannelHandlerContext ctx, Throwable cause) {
                                ctx.close();
                              }
                            });
                  }
                })
            .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .sync()
            .channel();
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  private static SSLSocket connect(X509Certificate trusted, int port, String version)
      throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("meerkat", trusted);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    SSLSocket socket = (SSLSocket) ssl.getSocketFactory().createSocket("localhost", port);
    socket.setEnabledProtocols(new String[] {version});
    socket.setSoTimeout(10_000);
    return socket;
  }
}
