package io.meerkat.cets.transport.netty;

import io.meerkat.cets.transport.NodeId;
import io.meerkat.cets.transport.netty.Frames.Reject;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates a new connection and brings it up, or closes it. The exchange (I = initiator, A =
 * acceptor):
 *
 * <pre>
 *   I -> A  HELLO(I)
 *   A -> I  HELLO(A), PROOF(A answers I's nonce)     A checks version, name and gate first
 *   I -> A  PROOF(I answers A's nonce)               I checks A's proof, version, name and gate
 *   A -> I  ACCEPT                                   A checks I's proof
 * </pre>
 *
 * The greater of the two node ids arbitrates duplicates (see {@link LinkRegistry}): as initiator
 * before sending its proof, as acceptor before sending ACCEPT; a losing connection is refused with
 * REJECT(DUPLICATE) and the connect call that opened it completes with the winning link. The whole
 * exchange, TLS included, must finish within the handshake timeout.
 */
final class HandshakeHandler extends ChannelInboundHandlerAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(HandshakeHandler.class);

  private enum State {
    AWAIT_HELLO,
    AWAIT_PROOF,
    AWAIT_ACCEPT,
    DONE
  }

  private final LinkEnvironment env;
  private final Link link;
  private final FrameDecoder decoder;
  private final byte[] ownNonce;
  private State state = State.AWAIT_HELLO;
  private Hello peerHello;
  private ScheduledFuture<?> timeout;

  HandshakeHandler(LinkEnvironment env, Link link, FrameDecoder decoder) {
    this.env = env;
    this.link = link;
    this.decoder = decoder;
    this.ownNonce = env.auth().nonce();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    long millis = env.settings().handshakeTimeout().toMillis();
    timeout = ctx.executor().schedule(this::timedOut, millis, TimeUnit.MILLISECONDS);
    if (link.initiator()) {
      ctx.writeAndFlush(ownHello().encode(ctx.alloc()));
    }
    ctx.fireChannelActive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    cancelTimeout();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancelTimeout();
    ctx.fireChannelInactive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (state == State.DONE) {
      ReferenceCountUtil.release(msg);
      return;
    }
    ByteBuf body = (ByteBuf) msg;
    try {
      byte type = body.readByte();
      if (type == Frames.HELLO && state == State.AWAIT_HELLO) {
        onHello(ctx, Hello.decode(body));
      } else if (type == Frames.PROOF && state == State.AWAIT_PROOF) {
        byte[] mac = new byte[body.readableBytes()];
        body.readBytes(mac);
        onProof(ctx, mac);
      } else if (type == Frames.ACCEPT && state == State.AWAIT_ACCEPT) {
        if (env.gate().admits(peerHello.node())) {
          becomeUp(ctx);
        } else {
          refuse(
              ctx, Reject.GATE, "node " + peerHello.node() + " is refused by the handshake gate");
        }
      } else if (type == Frames.REJECT) {
        onReject(Reject.of(Frames.readableOrFail(body, 1).readByte()), Frames.readStr8(body));
      } else {
        refuse(ctx, Reject.MALFORMED, "unexpected frame type " + type + " in state " + state);
      }
    } finally {
      body.release();
    }
  }

  private void onHello(ChannelHandlerContext ctx, Hello hello) {
    if (hello.version() != Frames.PROTOCOL_VERSION) {
      refuse(
          ctx,
          Reject.VERSION,
          "protocol version "
              + hello.version()
              + " is not supported (this node speaks "
              + Frames.PROTOCOL_VERSION
              + ")");
      return;
    }
    NodeId peer = hello.node();
    if (peer.name().equals(env.local().name())) {
      refuse(
          ctx,
          Reject.SAME_NAME,
          peer.equals(env.local())
              ? "connected to itself"
              : "peer " + peer + " uses this node's name " + env.local().name());
      return;
    }
    if (!env.gate().admits(peer)) {
      refuse(ctx, Reject.GATE, "node " + peer + " is refused by the handshake gate");
      return;
    }
    peerHello = hello;
    link.identify(peer, hello.published());
    state = State.AWAIT_PROOF;
    if (!link.initiator()) {
      ctx.write(ownHello().encode(ctx.alloc()));
      ctx.writeAndFlush(Frames.proof(ctx.alloc(), proofOfOwn()));
    }
  }

  private void onProof(ChannelHandlerContext ctx, byte[] mac) {
    NodeId peer = peerHello.node();
    if (!env.auth().verify(mac, peer, peerHello.nonce(), env.local(), ownNonce)) {
      LOG.warn(
          "Refused cluster link with {} claiming to be {}: wrong cluster secret",
          link.remoteAddress(),
          peer);
      refuse(ctx, Reject.AUTHENTICATION, "authentication failed (wrong cluster secret?)");
      return;
    }
    if (!env.gate().admits(peer)) {
      // blocked while the handshake ran (and enforceGate() found no link to close yet)
      refuse(ctx, Reject.GATE, "node " + peer + " is refused by the handshake gate");
      return;
    }
    boolean arbiter = env.local().compareTo(peer) > 0;
    if (arbiter && !env.registry().choose(peer, link)) {
      lostArbitration(ctx, peer);
      return;
    }
    if (link.initiator()) {
      state = State.AWAIT_ACCEPT;
      ctx.writeAndFlush(Frames.proof(ctx.alloc(), proofOfOwn()));
    } else {
      // up before the ACCEPT leaves: when the peer's connect completes, we are up too
      ctx.write(Frames.signal(ctx.alloc(), Frames.ACCEPT));
      becomeUp(ctx);
      ctx.flush();
    }
  }

  private void onReject(Reject code, String text) {
    if (code == Reject.DUPLICATE && peerHello != null) {
      lostArbitration(null, peerHello.node());
      return;
    }
    LOG.warn("Cluster link with {} refused by the peer: {} ({})", link.remoteAddress(), text, code);
    state = State.DONE;
    link.close("refused by peer: " + text);
  }

  /** Another connection with {@code peer} is (or is becoming) the link; this one goes away. */
  private void lostArbitration(ChannelHandlerContext ctx, NodeId peer) {
    LOG.debug("Dropping duplicate connection with {} ({})", peer, link.remoteAddress());
    state = State.DONE;
    CompletableFuture<NodeId> result = link.handOverConnectResult();
    if (result != null) {
      env.registry().awaitUp(peer, result);
      link.channel()
          .eventLoop()
          .schedule(
              () ->
                  result.completeExceptionally(
                      new LinkFailedException("The link with " + peer + " did not come up")),
              env.settings().handshakeTimeout().toMillis(),
              TimeUnit.MILLISECONDS);
    }
    if (ctx != null) {
      ctx.writeAndFlush(Frames.reject(ctx.alloc(), Reject.DUPLICATE, "link exists"))
          .addListener(ChannelFutureListener.CLOSE);
    } else {
      link.channel().close();
    }
  }

  private void becomeUp(ChannelHandlerContext ctx) {
    state = State.DONE;
    cancelTimeout();
    decoder.raiseLimit(env.settings().maxFrameSize() + 2);
    ctx.pipeline().replace(this, "link", new LinkHandler(env, link));
    env.registry().markUp(link);
    LOG.info("Cluster link to {} ({}) is up", link.peer(), link.remoteAddress());
    // The gate may have closed between its last check and the registration above, with the
    // enforceGate() that followed not seeing this link yet: it is closed here instead.
    link.closeIfRefusedBy(env.gate());
  }

  private void refuse(ChannelHandlerContext ctx, Reject code, String reason) {
    if (code != Reject.AUTHENTICATION) {
      LOG.warn("Refused cluster link with {}: {}", link.remoteAddress(), reason);
    }
    state = State.DONE;
    link.noteCloseReason(reason);
    ctx.writeAndFlush(Frames.reject(ctx.alloc(), code, reason))
        .addListener(f -> link.close(reason));
  }

  private void timedOut() {
    if (state != State.DONE) {
      LOG.warn("Cluster handshake with {} timed out in state {}", link.remoteAddress(), state);
      state = State.DONE;
      link.close("handshake timeout");
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.warn(
        "Closing cluster connection with {} during handshake: {}", link.remoteAddress(), cause);
    state = State.DONE;
    link.close("handshake failed: " + cause.getMessage());
  }

  private Hello ownHello() {
    return new Hello(Frames.PROTOCOL_VERSION, env.local(), env.published(), ownNonce);
  }

  private byte[] proofOfOwn() {
    return env.auth().proof(env.local(), ownNonce, peerHello.node(), peerHello.nonce());
  }

  private void cancelTimeout() {
    if (timeout != null) {
      timeout.cancel(false);
    }
  }
}
