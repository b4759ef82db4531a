package io.meerkat.cets.transport.netty;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of a {@link NettyClusterTransport}. Built with {@link #builder(String, String)};
 * {@link Builder#build()} validates every value and names the offending option.
 *
 * <p>Defaults: listen on {@code 0.0.0.0:9100}; handshake timeout 5 s; heartbeat every 1 s and a
 * peer declared down after 5 s without an answer (so a dead or unreachable peer is seen down within
 * at most 6 s); frames up to 16 MiB; at most 64 MiB queued towards one peer before its link is
 * dropped; two I/O threads; no TLS.
 */
public final class TransportSettings {

  /** The cluster transport's default port. */
  public static final int DEFAULT_PORT = 9100;

  /** The shortest accepted cluster secret, in bytes. */
  public static final int MIN_SECRET_BYTES = 8;

  private final String nodeName;
  private final byte[] clusterSecret;
  private final InetSocketAddress listenAddress;
  private final InetSocketAddress publishedAddress;
  private final Duration handshakeTimeout;
  private final Duration heartbeatInterval;
  private final Duration heartbeatTimeout;
  private final int maxFrameSize;
  private final long outboundLimit;
  private final int ioThreads;
  private final TransportTls tls;

  private TransportSettings(Builder b) {
    this.nodeName = b.nodeName;
    this.clusterSecret = b.clusterSecret.clone();
    this.listenAddress = b.listenAddress;
    this.publishedAddress = b.publishedAddress;
    this.handshakeTimeout = b.handshakeTimeout;
    this.heartbeatInterval = b.heartbeatInterval;
    this.heartbeatTimeout = b.heartbeatTimeout;
    this.maxFrameSize = b.maxFrameSize;
    this.outboundLimit = b.outboundLimit;
    this.ioThreads = b.ioThreads;
    this.tls = b.tls;
  }

  /**
   * Starts settings for node {@code nodeName} with the cluster-wide shared secret {@code secret}
   * (UTF-8 encoded; every node of the cluster must have the same one).
   */
  public static Builder builder(String nodeName, String secret) {
    Objects.requireNonNull(secret, "secret");
    return new Builder(nodeName, secret.getBytes(StandardCharsets.UTF_8));
  }

  public String nodeName() {
    return nodeName;
  }

  /** A copy of the shared secret. */
  byte[] clusterSecret() {
    return clusterSecret.clone();
  }

  public InetSocketAddress listenAddress() {
    return listenAddress;
  }

  /**
   * The address to publish, or null to derive it from the bound listener (its IP if specific, the
   * host's address if the listener is a wildcard).
   */
  public InetSocketAddress publishedAddress() {
    return publishedAddress;
  }

  public Duration handshakeTimeout() {
    return handshakeTimeout;
  }

  public Duration heartbeatInterval() {
    return heartbeatInterval;
  }

  public Duration heartbeatTimeout() {
    return heartbeatTimeout;
  }

  public int maxFrameSize() {
    return maxFrameSize;
  }

  public long outboundLimit() {
    return outboundLimit;
  }

  public int ioThreads() {
    return ioThreads;
  }

  /** The TLS set-up, or null for plain TCP. */
  public TransportTls tls() {
    return tls;
  }

  @Override
  public String toString() {
    return "TransportSettings[node="
        + nodeName
        + ", listen="
        + listenAddress
        + ", published="
        + publishedAddress
        + ", tls="
        + (tls != null)
        + "]";
  }

  /** Collects and validates the settings. */
  public static final class Builder {
    private final String nodeName;
    private final byte[] clusterSecret;
    private InetSocketAddress listenAddress = new InetSocketAddress("0.0.0.0", DEFAULT_PORT);
    private InetSocketAddress publishedAddress;
    private Duration handshakeTimeout = Duration.ofSeconds(5);
    private Duration heartbeatInterval = Duration.ofSeconds(1);
    private Duration heartbeatTimeout = Duration.ofSeconds(5);
    private int maxFrameSize = 16 * 1024 * 1024;
    private long outboundLimit = 64L * 1024 * 1024;
    private int ioThreads = 2;
    private TransportTls tls;

    private Builder(String nodeName, byte[] clusterSecret) {
      this.nodeName = nodeName;
      this.clusterSecret = clusterSecret;
    }

    /** Where to listen; port 0 picks a free port (tests). */
    public Builder listenAddress(InetSocketAddress address) {
      this.listenAddress = Objects.requireNonNull(address, "listenAddress");
      return this;
    }

    /** What other nodes should use to reach this one (what discovery publishes). */
    public Builder publishedAddress(InetSocketAddress address) {
      this.publishedAddress = address;
      return this;
    }

    public Builder handshakeTimeout(Duration timeout) {
      this.handshakeTimeout = timeout;
      return this;
    }

    public Builder heartbeat(Duration interval, Duration timeout) {
      this.heartbeatInterval = interval;
      this.heartbeatTimeout = timeout;
      return this;
    }

    public Builder maxFrameSize(int bytes) {
      this.maxFrameSize = bytes;
      return this;
    }

    public Builder outboundLimit(long bytes) {
      this.outboundLimit = bytes;
      return this;
    }

    public Builder ioThreads(int threads) {
      this.ioThreads = threads;
      return this;
    }

    public Builder tls(TransportTls tls) {
      this.tls = tls;
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first invalid option
     */
    public TransportSettings build() {
      require(nodeName != null && !nodeName.isBlank(), "node name must not be blank");
      require(
          nodeName.getBytes(StandardCharsets.UTF_8).length <= 255,
          "node name must be at most 255 bytes");
      require(
          clusterSecret.length >= MIN_SECRET_BYTES,
          "cluster secret must be at least " + MIN_SECRET_BYTES + " bytes");
      require(
          !listenAddress.isUnresolved(), "listen address " + listenAddress + " does not resolve");
      require(
          publishedAddress == null || publishedAddress.getPort() > 0,
          "published address needs a port");
      requirePositive(handshakeTimeout, "handshake timeout");
      requirePositive(heartbeatInterval, "heartbeat interval");
      requirePositive(heartbeatTimeout, "heartbeat timeout");
      require(
          heartbeatTimeout.compareTo(heartbeatInterval) > 0,
          "heartbeat timeout must be longer than the heartbeat interval");
      require(
          maxFrameSize >= 1024 && maxFrameSize <= 1 << 30,
          "max frame size must be between 1 KiB and 1 GiB");
      require(
          outboundLimit >= 2L * maxFrameSize,
          "outbound limit must be at least twice the max frame size");
      require(ioThreads >= 1 && ioThreads <= 64, "I/O threads must be between 1 and 64");
      return new TransportSettings(this);
    }

    private static void requirePositive(Duration value, String name) {
      require(value != null && value.isPositive(), name + " must be positive");
    }

    private static void require(boolean ok, String message) {
      if (!ok) {
        throw new IllegalArgumentException("Invalid cluster transport settings: " + message);
      }
    }
  }
}
