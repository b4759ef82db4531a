package io.meerkat.bench.xmpp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * One generated XMPP client connection: stream, optional STARTTLS, SASL (PLAIN or SCRAM), resource
 * binding and initial presence, or in-band registration instead of the login. Incoming bytes are
 * split by {@link StanzaScanner} and inspected in place; nothing is parsed into a tree.
 *
 * <p>Not thread-safe except {@link #send} and {@link #close}, which Netty hands to the channel's
 * event loop.
 */
public final class XmppClient extends ChannelInboundHandlerAdapter implements StanzaScanner.Sink {

  private static final byte[] STARTTLS_FEATURE = Stanzas.ascii("<starttls");
  private static final byte[] BIND_FEATURE = Stanzas.ascii("urn:ietf:params:xml:ns:xmpp-bind");
  private static final byte[] MECHANISMS = Stanzas.ascii("<mechanisms");
  private static final byte[] CONFLICT = Stanzas.ascii("<conflict");

  private enum State {
    CONNECTING,
    STREAM,
    TLS_REQUESTED,
    AUTH_SENT,
    BIND_SENT,
    READY,
    REGISTER_SENT,
    CLOSING
  }

  private final ClientConfig config;
  private final String user;
  private final boolean register;
  private final ClientListener listener;
  private final long timeoutMillis;
  private final StanzaScanner scanner = new StanzaScanner(this, 1 << 20);
  private State state = State.CONNECTING;
  private boolean tlsDone;
  private boolean authenticated;
  private boolean finished;
  private volatile boolean wasReady;
  private boolean flushPending;
  private ScramClient scram;
  private Channel channel;

  /** Nanotime when the connection attempt began, set by the scenario. */
  public long startNanos;

  /** Scenario data (e.g. the partner in a chat pair). */
  public Object attachment;

  /**
   * @param register register the account in-band instead of logging in
   * @param timeoutMillis the login or registration fails if not done by then
   */
  public XmppClient(
      ClientConfig config,
      String user,
      boolean register,
      ClientListener listener,
      long timeoutMillis) {
    this.config = config;
    this.user = user;
    this.register = register;
    this.listener = listener;
    this.timeoutMillis = timeoutMillis;
  }

  public String user() {
    return user;
  }

  public boolean isReady() {
    return state == State.READY;
  }

  /** Whether the session ever became ready (it may have closed since). */
  public boolean wasReady() {
    return wasReady;
  }

  public Channel channel() {
    return channel;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    state = State.STREAM;
    ctx.executor()
        .schedule(
            () -> {
              if (state != State.READY && !finished) {
                fail("timed out after " + timeoutMillis + " ms in state " + state);
              }
            },
            timeoutMillis,
            TimeUnit.MILLISECONDS);
    write(Stanzas.streamHeader(config.domain()));
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf in = (ByteBuf) msg;
    try {
      scanner.feed(in);
    } catch (RuntimeException e) {
      fail("bad input: " + e.getMessage());
    } finally {
      in.release();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (state != State.CLOSING && !finished) {
      fail("connection closed by server in state " + state);
    }
    listener.closed(this);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail(cause.getClass().getSimpleName() + ": " + cause.getMessage());
  }

  @Override
  public void streamHeader(Frame header) {
    // Nothing needed from it: features follow.
  }

  @Override
  public void streamEnd() {
    if (state != State.CLOSING) {
      fail("server ended the stream in state " + state);
    }
  }

  @Override
  public void element(Frame e) {
    if (state == State.READY) {
      if (e.is("message")) {
        listener.message(this, e);
      } else if (e.is("stream:error")) {
        fail("stream error: " + e);
      }
      return;
    }
    if (e.is("stream:features")) {
      features(e);
    } else if (e.is("proceed")) {
      startTls();
    } else if (e.is("challenge")) {
      String data = e.content();
      String serverFirst = new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
      String clientFinal = scram.clientFinal(serverFirst);
      write(Stanzas.response(b64(clientFinal)));
    } else if (e.is("success")) {
      authSucceeded(e);
    } else if (e.is("iq")) {
      iq(e);
    } else if (e.is("failure") || e.is("stream:error")) {
      fail(state + ": " + e);
    }
  }

  private void features(Frame e) {
    if (!tlsDone && config.sslContext() != null) {
      if (!e.contains(STARTTLS_FEATURE)) {
        fail("server offers no STARTTLS");
        return;
      }
      state = State.TLS_REQUESTED;
      write(Stanzas.STARTTLS);
    } else if (!authenticated && register) {
      state = State.REGISTER_SENT;
      write(Stanzas.register(config.domain(), user, config.password()));
    } else if (!authenticated) {
      if (!e.contains(MECHANISMS)) {
        fail("server offers no SASL mechanisms");
        return;
      }
      state = State.AUTH_SENT;
      String mechanism = config.mechanism();
      if (mechanism.equals("PLAIN")) {
        write(Stanzas.auth(mechanism, b64("\0" + user + "\0" + config.password())));
      } else {
        scram =
            new ScramClient(
                ClientConfig.scramHash(mechanism), user, config.password(), config.saltCache());
        write(Stanzas.auth(mechanism, b64(scram.clientFirst())));
      }
    } else if (e.contains(BIND_FEATURE)) {
      state = State.BIND_SENT;
      write(Stanzas.bind(config.resource()));
    } else {
      fail("server offers no resource binding");
    }
  }

  private void startTls() {
    SslHandler ssl = config.sslContext().newHandler(channel.alloc());
    channel.pipeline().addFirst("tls", ssl);
    scanner.restart();
    ssl.handshakeFuture()
        .addListener(
            f -> {
              if (f.isSuccess()) {
                tlsDone = true;
                state = State.STREAM;
                write(Stanzas.streamHeader(config.domain()));
              } else {
                fail("TLS handshake: " + f.cause());
              }
            });
  }

  private void authSucceeded(Frame e) {
    if (scram != null) {
      String data = e.content();
      String serverFinal =
          data == null ? "" : new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
      if (!scram.verifyServerFinal(serverFinal)) {
        fail("server signature did not verify");
        return;
      }
    }
    authenticated = true;
    state = State.STREAM;
    scanner.restart();
    write(Stanzas.streamHeader(config.domain()));
  }

  private void iq(Frame e) {
    String id = e.attribute("id");
    String type = e.attribute("type");
    if (state == State.BIND_SENT && "bind1".equals(id)) {
      if ("result".equals(type)) {
        state = State.READY;
        wasReady = true;
        write(Stanzas.PRESENCE);
        listener.ready(this);
      } else {
        fail("bind failed: " + e);
      }
    } else if (state == State.REGISTER_SENT && "reg1".equals(id)) {
      boolean created = "result".equals(type);
      if (created || e.contains(CONFLICT)) {
        finished = true;
        listener.registered(this, created);
        close();
      } else {
        fail("registration failed: " + e);
      }
    }
  }

  /** Writes pre-serialised bytes (any thread). */
  public void write(byte[] bytes) {
    channel.writeAndFlush(channel.alloc().buffer(bytes.length).writeBytes(bytes));
  }

  /**
   * Sends a chat message whose body starts with {@code t=stamp} (any thread); one buffer, no
   * strings. Messages written in the same event-loop turn share one flush (one TLS record and one
   * system call), as an efficient client would send them.
   */
  public void sendMessage(byte[] prefix, long stamp) {
    ByteBuf buf = channel.alloc().buffer(prefix.length + 20 + Stanzas.MESSAGE_SUFFIX.length);
    buf.writeBytes(prefix);
    writeDecimal(buf, stamp);
    buf.writeBytes(Stanzas.MESSAGE_SUFFIX);
    if (channel.eventLoop().inEventLoop()) {
      writeBatched(buf);
    } else {
      channel.eventLoop().execute(() -> writeBatched(buf));
    }
  }

  private void writeBatched(ByteBuf buf) {
    channel.write(buf, channel.voidPromise());
    if (!flushPending) {
      flushPending = true;
      channel
          .eventLoop()
          .execute(
              () -> {
                flushPending = false;
                channel.flush();
              });
    }
  }

  static void writeDecimal(ByteBuf buf, long value) {
    if (value == 0) {
      buf.writeByte('0');
      return;
    }
    int start = buf.writerIndex();
    long v = value;
    while (v > 0) {
      buf.writeByte((int) ('0' + v % 10));
      v /= 10;
    }
    for (int i = start, j = buf.writerIndex() - 1; i < j; i++, j--) {
      byte t = buf.getByte(i);
      buf.setByte(i, buf.getByte(j));
      buf.setByte(j, t);
    }
  }

  /** Ends the stream and closes the connection (any thread). */
  public void close() {
    if (channel == null) {
      return;
    }
    channel
        .eventLoop()
        .execute(
            () -> {
              if (state == State.CLOSING) {
                return;
              }
              state = State.CLOSING;
              finished = true;
              if (channel.isActive()) {
                channel
                    .writeAndFlush(
                        channel
                            .alloc()
                            .buffer(Stanzas.STREAM_END.length)
                            .writeBytes(Stanzas.STREAM_END))
                    .addListener(f -> channel.close());
              }
            });
  }

  private void fail(String reason) {
    if (finished) {
      return;
    }
    finished = true;
    state = State.CLOSING;
    listener.failed(this, reason);
    if (channel != null) {
      channel.close();
    }
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
