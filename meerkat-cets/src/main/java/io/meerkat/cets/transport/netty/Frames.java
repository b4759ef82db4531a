package io.meerkat.cets.transport.netty;

import io.meerkat.cets.transport.Channel;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * The wire format of a cluster link. Every frame is a 4-byte big-endian body length followed by the
 * body, whose first byte is the frame type:
 *
 * <pre>
 *   HELLO   magic:int version:int name:str8 incarnation:long host:str8 port:u16 nonce:32 bytes
 *   PROOF   hmac:32 bytes
 *   ACCEPT
 *   REJECT  code:byte text:str8
 *   PING | PONG
 *   DATA    channel:byte payload
 * </pre>
 *
 * where {@code str8} is a length byte followed by that many UTF-8 bytes.
 */
final class Frames {

  /** "MKCT": lets a node recognise a stranger speaking another protocol on its port. */
  static final int MAGIC = 0x4d4b4354;

  static final int PROTOCOL_VERSION = 1;

  static final byte HELLO = 1;
  static final byte PROOF = 2;
  static final byte ACCEPT = 3;
  static final byte REJECT = 4;
  static final byte PING = 5;
  static final byte PONG = 6;
  static final byte DATA = 7;

  /** Largest frame body accepted before a link is authenticated. */
  static final int HANDSHAKE_FRAME_LIMIT = 1024;

  private static final Channel[] CHANNELS = Channel.values();

  private Frames() {}

  static ByteBuf data(ByteBufAllocator alloc, Channel channel, byte[] payload) {
    ByteBuf buf = alloc.buffer(6 + payload.length);
    buf.writeInt(2 + payload.length).writeByte(DATA).writeByte(channel.ordinal());
    return buf.writeBytes(payload);
  }

  static ByteBuf signal(ByteBufAllocator alloc, byte type) {
    return alloc.buffer(5).writeInt(1).writeByte(type);
  }

  static ByteBuf proof(ByteBufAllocator alloc, byte[] mac) {
    return alloc.buffer(5 + mac.length).writeInt(1 + mac.length).writeByte(PROOF).writeBytes(mac);
  }

  static ByteBuf reject(ByteBufAllocator alloc, Reject code, String text) {
    byte[] bytes = truncatedUtf8(text);
    ByteBuf buf = alloc.buffer(7 + bytes.length);
    buf.writeInt(3 + bytes.length).writeByte(REJECT).writeByte(code.ordinal());
    return buf.writeByte(bytes.length).writeBytes(bytes);
  }

  /** The channel named by a DATA frame's channel byte, or null if there is no such channel. */
  static Channel channel(int ordinal) {
    return ordinal >= 0 && ordinal < CHANNELS.length ? CHANNELS[ordinal] : null;
  }

  static void writeStr8(ByteBuf buf, String value) {
    byte[] bytes = truncatedUtf8(value);
    buf.writeByte(bytes.length).writeBytes(bytes);
  }

  /**
   * @throws MalformedFrameException when the frame ends early
   */
  static String readStr8(ByteBuf buf) {
    int length = readableOrFail(buf, 1).readUnsignedByte();
    return readableOrFail(buf, length).readCharSequence(length, StandardCharsets.UTF_8).toString();
  }

  static ByteBuf readableOrFail(ByteBuf buf, int bytes) {
    if (buf.readableBytes() < bytes) {
      throw new MalformedFrameException("frame ends early");
    }
    return buf;
  }

  private static byte[] truncatedUtf8(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= 255) {
      return bytes;
    }
    return java.util.Arrays.copyOf(bytes, 255);
  }

  /** Why a handshake was refused; the first byte of a REJECT frame. */
  enum Reject {
    /** The link exists already (or another one is being opened); the existing one wins. */
    DUPLICATE,
    AUTHENTICATION,
    VERSION,
    SAME_NAME,
    GATE,
    MALFORMED;

    static Reject of(int code) {
      Reject[] all = values();
      return code >= 0 && code < all.length ? all[code] : MALFORMED;
    }
  }
}
