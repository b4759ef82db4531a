package io.meerkat.cets.discovery;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A node name found by a discovery backend, with the address it published for the cluster transport
 * (unresolved; null when unknown, which makes the node unconnectable).
 */
public record DiscoveredNode(String name, InetSocketAddress address) {

  public DiscoveredNode {
    Objects.requireNonNull(name, "name");
  }

  /** Parses {@code host:port} or {@code [ipv6]:port}; null or empty text gives a null address. */
  public static InetSocketAddress parseAddress(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("expected host:port, got '" + text + "'");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in '" + text + "'", e);
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range in '" + text + "'");
    }
    return InetSocketAddress.createUnresolved(host, port);
  }

  /** The inverse of {@link #parseAddress}. */
  public static String formatAddress(InetSocketAddress address) {
    if (address == null) {
      return "";
    }
    String host = address.getHostString();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }
}
