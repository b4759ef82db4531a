package io.meerkat.cets.transport.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;

/**
 * Splits the byte stream into frame bodies. The size limit starts small (handshake frames only) so
 * that a stranger announcing a huge frame is refused at once rather than buffered; it is raised to
 * the configured maximum when the link is authenticated.
 */
final class FrameDecoder extends ByteToMessageDecoder {

  private int limit;

  FrameDecoder(int limit) {
    this.limit = limit;
  }

  /** Called on the link's event loop once the link is authenticated. */
  void raiseLimit(int newLimit) {
    this.limit = newLimit;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (in.readableBytes() < 4) {
      return;
    }
    long length = in.getUnsignedInt(in.readerIndex());
    if (length == 0) {
      throw new MalformedFrameException("empty frame");
    }
    if (length > limit) {
      throw new TooLongFrameException("frame of " + length + " bytes exceeds limit " + limit);
    }
    if (in.readableBytes() < 4 + length) {
      return;
    }
    in.skipBytes(4);
    out.add(in.readRetainedSlice((int) length));
  }
}
