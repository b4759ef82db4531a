package io.meerkat.xml.netty;

import io.meerkat.xml.XmlElement;
import io.meerkat.xml.XmlWriter;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link XmlElement}s as UTF-8 inside a stream whose default namespace and header prefixes
 * are fixed (for a client stream: {@code jabber:client} and {@code stream}). Stream headers and the
 * closing tag are written by the session as ready-made text ({@code String} messages pass through
 * this encoder as UTF-8 too).
 */
@ChannelHandler.Sharable
public final class XmlElementEncoder extends MessageToMessageEncoder<Object> {

  private final String defaultNamespace;
  private final Map<String, String> streamPrefixes;

  public XmlElementEncoder(String defaultNamespace, Map<String, String> streamPrefixes) {
    super(Object.class);
    this.defaultNamespace = defaultNamespace;
    this.streamPrefixes = Map.copyOf(streamPrefixes);
  }

  @Override
  public boolean acceptOutboundMessage(Object msg) {
    return msg instanceof XmlElement || msg instanceof CharSequence;
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, Object msg, List<Object> out) {
    CharSequence text;
    if (msg instanceof XmlElement element) {
      StringBuilder sb = new StringBuilder(256);
      XmlWriter.write(element, defaultNamespace, streamPrefixes, sb);
      text = sb;
    } else {
      text = (CharSequence) msg;
    }
    out.add(ByteBufUtil.writeUtf8(ctx.alloc(), text));
  }
}
