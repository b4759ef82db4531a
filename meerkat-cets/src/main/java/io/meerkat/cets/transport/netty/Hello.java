package io.meerkat.cets.transport.netty;

import io.meerkat.cets.transport.NodeId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;

/**
 * The first frame each side sends: who it is, where it can be reached, and a fresh challenge for
 * the other side to answer.
 *
 * @param version the link protocol version the sender speaks
 * @param node the sender's identity
 * @param published the address the sender publishes (unresolved host string and port)
 * @param nonce 32 random bytes
 */
record Hello(int version, NodeId node, InetSocketAddress published, byte[] nonce) {

  static final int NONCE_BYTES = 32;

  ByteBuf encode(ByteBufAllocator alloc) {
    ByteBuf buf = alloc.buffer(128);
    buf.writeInt(0).writeByte(Frames.HELLO).writeInt(Frames.MAGIC).writeInt(version);
    Frames.writeStr8(buf, node.name());
    buf.writeLong(node.incarnation());
    Frames.writeStr8(buf, published.getHostString());
    buf.writeShort(published.getPort()).writeBytes(nonce);
    return buf.setInt(0, buf.readableBytes() - 4);
  }

  /**
   * Reads a HELLO body positioned after the type byte. A different version is returned as read
   * (with whatever follows unparsed) so the caller can refuse it by name.
   *
   * @throws MalformedFrameException when the body is not a HELLO
   */
  static Hello decode(ByteBuf body) {
    if (Frames.readableOrFail(body, 8).readInt() != Frames.MAGIC) {
      throw new MalformedFrameException("not a cluster handshake");
    }
    int version = body.readInt();
    if (version != Frames.PROTOCOL_VERSION) {
      return new Hello(version, null, null, null);
    }
    String name = Frames.readStr8(body);
    if (name.isBlank()) {
      throw new MalformedFrameException("blank node name");
    }
    long incarnation = Frames.readableOrFail(body, 8).readLong();
    String host = Frames.readStr8(body);
    int port = Frames.readableOrFail(body, 2).readUnsignedShort();
    byte[] nonce = new byte[NONCE_BYTES];
    Frames.readableOrFail(body, NONCE_BYTES).readBytes(nonce);
    if (body.isReadable()) {
      throw new MalformedFrameException("trailing bytes after handshake");
    }
    return new Hello(
        version,
        new NodeId(name, incarnation),
        InetSocketAddress.createUnresolved(host, port),
        nonce);
  }
}
