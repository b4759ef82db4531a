package io.meerkat.cets.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.cets.transport.NodeId;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Strangers on the cluster port: their connections are closed, real nodes still get in. */
class ListenerRobustnessTest {

  private final TestTransports transports = new TestTransports();
  private NettyClusterTransport node;

  @BeforeEach
  void startNode() {
    node =
        transports.start(
            "node", s -> s.handshakeTimeout(Duration.ofMillis(500)), HandshakeGate.OPEN);
  }

  @AfterEach
  void closeTransports() {
    transports.close();
  }

  private Socket open() throws IOException {
    Socket socket = new Socket(node.boundAddress().getAddress(), node.boundAddress().getPort());
    socket.setSoTimeout(10_000);
    return socket;
  }

  /** Reads until the server closes the connection; fails if it stays open for 10 s. */
  private static void assertClosedByServer(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    try {
      while (in.read() != -1) {
        // a REJECT frame may come first
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the node kept a bad connection open", e);
    } catch (SocketException reset) {
      // closed with a reset: closed all the same
    }
  }

  private void assertARealNodeStillConnects() throws Exception {
    NettyClusterTransport peer = transports.start("peer-" + System.nanoTime());
    NodeId id = peer.connect(node.publishedAddress()).get(10, TimeUnit.SECONDS);
    assertThat(id).isEqualTo(node.localNode());
  }

  @Test
  void anHttpRequestOnTheClusterPortIsClosedAtOnce() throws Exception {
    try (Socket socket = open()) {
      socket
          .getOutputStream()
          .write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertClosedByServer(socket);
    }
    assertARealNodeStillConnects();
  }

  @Test
  void silentAndHalfSentConnectionsAreClosedAfterTheHandshakeTimeout() throws Exception {
    try (Socket silent = open();
        Socket partial = open()) {
      partial.getOutputStream().write(new byte[] {0, 0, 0, 64, Frames.HELLO, 0x4d});
      long start = System.nanoTime();
      assertClosedByServer(silent);
      assertClosedByServer(partial);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
    assertARealNodeStillConnects();
  }

  @Test
  void aFloodOfBadConnectionsIsClosedAndRealNodesStillConnectMeanwhile() throws Exception {
    List<Socket> flood = new ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        Socket socket = open();
        flood.add(socket);
        if (i % 2 == 0) {
          byte[] garbage = new byte[64];
          new java.util.Random(i).nextBytes(garbage);
          socket.getOutputStream().write(garbage);
        }
      }

      assertARealNodeStillConnects();

      for (Socket socket : flood) {
        assertClosedByServer(socket);
      }
    } finally {
      for (Socket socket : flood) {
        socket.close();
      }
    }
    assertARealNodeStillConnects();
    assertThat(node.connectedNodes()).hasSize(2);
  }
}
