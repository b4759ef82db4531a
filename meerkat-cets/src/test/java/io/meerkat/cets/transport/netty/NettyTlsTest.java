package io.meerkat.cets.transport.netty;

import static io.meerkat.cets.transport.RecordingHandler.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.meerkat.cets.transport.Channel;
import io.meerkat.cets.transport.RecordingHandler;
import io.netty.handler.ssl.SslHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links over mutual TLS with certificates loaded from PEM files. */
class NettyTlsTest {

  @TempDir static Path dir;
  private static TransportTls clusterTls;
  private static TransportTls strangerTls;

  private final TestTransports transports = new TestTransports();

  @BeforeAll
  static void certificates() throws Exception {
    TestCertificates cluster = TestCertificates.generate(dir, "cluster");
    TestCertificates stranger = TestCertificates.generate(dir, "stranger");
    clusterTls = TransportTls.fromPem(cluster.certificate(), cluster.key(), cluster.certificate());
    strangerTls =
        TransportTls.fromPem(stranger.certificate(), stranger.key(), stranger.certificate());
  }

  @AfterEach
  void closeTransports() {
    transports.close();
  }

  private NettyClusterTransport start(String name, TransportTls tls) {
    return transports.start(name, s -> s.tls(tls), HandshakeGate.OPEN);
  }

  @Test
  void nodesLinkOverMutualTlsAndExchangeMessages() throws Exception {
    NettyClusterTransport a = start("a", clusterTls);
    NettyClusterTransport b = start("b", clusterTls);
    RecordingHandler inbox = new RecordingHandler();
    b.setHandler(Channel.REPLICATION, inbox.on(Channel.REPLICATION));

    assertThat(a.connect(b.publishedAddress()).get(10, TimeUnit.SECONDS)).isEqualTo(b.localNode());
    assertThat(a.send(b.localNode(), Channel.REPLICATION, bytes("secret stuff"))).isTrue();

    await().atMost(Duration.ofSeconds(10)).until(() -> inbox.count() == 1);
    assertThat(inbox.received()).containsExactly("a:REPLICATION:secret stuff");
    SslHandler tls = a.linkChannel(b.localNode()).pipeline().get(SslHandler.class);
    assertThat(tls.engine().getSession().getProtocol()).startsWith("TLSv1.");
    assertThat(tls.engine().getSession().getPeerCertificates()).hasSize(1);
  }

  @Test
  void aNodeWithoutTlsCannotLinkWithATlsNode() {
    NettyClusterTransport secure = start("secure", clusterTls);
    NettyClusterTransport plain = transports.start("plain");

    assertThatThrownBy(() -> plain.connect(secure.publishedAddress()).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
    assertThatThrownBy(() -> secure.connect(plain.publishedAddress()).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
    assertThat(secure.connectedNodes()).isEmpty();
    assertThat(plain.connectedNodes()).isEmpty();
  }

  @Test
  void aNodeWhoseCertificateIsNotTrustedIsRefusedEvenWithTheRightSecret() {
    NettyClusterTransport member = start("member", clusterTls);
    NettyClusterTransport stranger = start("stranger", strangerTls);

    assertThatThrownBy(() -> stranger.connect(member.publishedAddress()).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
    assertThat(member.connectedNodes()).isEmpty();
  }
}
