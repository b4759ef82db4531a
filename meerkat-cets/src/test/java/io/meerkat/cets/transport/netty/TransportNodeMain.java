package io.meerkat.cets.transport.netty;

import io.meerkat.cets.transport.Channel;
import io.meerkat.cets.transport.NodeId;
import io.meerkat.cets.transport.TransportListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One transport node in its own JVM, driven through stdin and reporting on stdout (lines starting
 * with {@code EVENT}) for the multi-process tests. Arguments: node name. System properties: {@code
 * cets.secret}, {@code cets.heartbeat.ms}, {@code cets.heartbeat.timeout.ms}.
 *
 * <pre>
 *   connect HOST:PORT      -> EVENT connected NAME | EVENT connect-failed MESSAGE
 *   send NAME TEXT         -> EVENT sent NAME | EVENT not-sent NAME
 *   exit (or end of stdin) -> closes the transport and exits
 * </pre>
 *
 * Reports {@code EVENT listening HOST:PORT}, {@code EVENT up NAME}, {@code EVENT down NAME REASON}
 * and {@code EVENT recv NAME TEXT}.
 */
public final class TransportNodeMain {

  private TransportNodeMain() {}

  public static void main(String[] args) throws IOException {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    TransportSettings settings =
        TransportSettings.builder(args[0], System.getProperty("cets.secret", "multi-process"))
            .listenAddress(new InetSocketAddress("127.0.0.1", 0))
            .heartbeat(
                Duration.ofMillis(Long.getLong("cets.heartbeat.ms", 1000)),
                Duration.ofMillis(Long.getLong("cets.heartbeat.timeout.ms", 5000)))
            .ioThreads(1)
            .build();
    try (NettyClusterTransport transport = NettyClusterTransport.start(settings)) {
      transport.addListener(
          new TransportListener() {
            @Override
            public void nodeUp(NodeId node) {
              out.println("EVENT up " + node.name());
            }

            @Override
            public void nodeDown(NodeId node, String reason) {
              out.println("EVENT down " + node.name() + " " + reason);
            }
          });
      transport.setHandler(
          Channel.APPLICATION,
          (from, payload) ->
              out.println(
                  "EVENT recv " + from.name() + " " + new String(payload, StandardCharsets.UTF_8)));
      InetSocketAddress published = transport.publishedAddress();
      out.println("EVENT listening " + published.getHostString() + ":" + published.getPort());
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null && !line.equals("exit")) {
        String[] parts = line.split(" ", 3);
        switch (parts[0]) {
          case "connect" -> connect(transport, parts[1], out);
          case "send" -> send(transport, parts[1], parts[2], out);
          default -> out.println("EVENT unknown-command " + line);
        }
      }
    }
  }

  private static void connect(NettyClusterTransport transport, String address, PrintStream out) {
    int colon = address.lastIndexOf(':');
    InetSocketAddress target =
        new InetSocketAddress(
            address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    try {
      NodeId peer = transport.connect(target).get(10, TimeUnit.SECONDS);
      out.println("EVENT connected " + peer.name());
    } catch (Exception e) {
      out.println("EVENT connect-failed " + e);
    }
  }

  private static void send(
      NettyClusterTransport transport, String name, String text, PrintStream out) {
    for (NodeId node : transport.connectedNodes()) {
      if (node.name().equals(name)) {
        boolean sent =
            transport.send(node, Channel.APPLICATION, text.getBytes(StandardCharsets.UTF_8));
        out.println("EVENT " + (sent ? "sent " : "not-sent ") + name);
        return;
      }
    }
    out.println("EVENT not-sent " + name);
  }
}
