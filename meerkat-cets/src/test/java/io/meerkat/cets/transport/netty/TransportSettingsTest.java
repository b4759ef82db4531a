package io.meerkat.cets.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TransportSettingsTest {

  @Test
  void defaultsListenOnPort9100AndDetectADeadPeerWithinTenSeconds() {
    TransportSettings settings = TransportSettings.builder("n1", "long-enough").build();

    assertThat(settings.listenAddress().getPort()).isEqualTo(9100);
    assertThat(settings.listenAddress().getAddress().isAnyLocalAddress()).isTrue();
    assertThat(settings.publishedAddress()).isNull();
    assertThat(settings.tls()).isNull();
    assertThat(settings.heartbeatTimeout().plus(settings.heartbeatInterval()))
        .isLessThanOrEqualTo(Duration.ofSeconds(10));
    assertThat(settings.toString()).doesNotContain("long-enough");
  }

  @Test
  void invalidValuesAreRefusedNamingTheOption() {
    assertThatThrownBy(() -> TransportSettings.builder(" ", "long-enough").build())
        .hasMessageContaining("node name");
    assertThatThrownBy(() -> TransportSettings.builder("n1", "short").build())
        .hasMessageContaining("cluster secret must be at least 8 bytes");
    assertThatThrownBy(
            () ->
                TransportSettings.builder("n1", "long-enough")
                    .heartbeat(Duration.ofSeconds(5), Duration.ofSeconds(5))
                    .build())
        .hasMessageContaining("heartbeat timeout must be longer");
    assertThatThrownBy(
            () -> TransportSettings.builder("n1", "long-enough").maxFrameSize(10).build())
        .hasMessageContaining("max frame size");
    assertThatThrownBy(
            () -> TransportSettings.builder("n1", "long-enough").outboundLimit(1024).build())
        .hasMessageContaining("outbound limit");
    assertThatThrownBy(
            () ->
                TransportSettings.builder("n1", "long-enough")
                    .listenAddress(InetSocketAddress.createUnresolved("no.such.host.invalid", 1))
                    .build())
        .hasMessageContaining("does not resolve");
    assertThatThrownBy(() -> TransportSettings.builder("n1", "long-enough").ioThreads(0).build())
        .hasMessageContaining("I/O threads");
  }

  @Test
  void aSecondTransportOnATakenPortFailsToStartWithTheAddressInTheMessage() {
    try (NettyClusterTransport first =
        NettyClusterTransport.start(TestTransports.settings("first").build())) {
      InetSocketAddress taken = first.boundAddress();

      assertThatThrownBy(
              () ->
                  NettyClusterTransport.start(
                      TestTransports.settings("second").listenAddress(taken).build()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(taken.toString());
    }
  }
}
