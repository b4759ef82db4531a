package io.meerkat.server.net;

import io.meerkat.server.c2s.C2sHandler;
import io.meerkat.server.c2s.C2sServices;
import io.meerkat.server.c2s.C2sSettings;
import io.meerkat.server.c2s.StreamRestarts;
import io.meerkat.server.config.TlsConfig.TlsMode;
import io.meerkat.xml.XmlLimits;
import io.meerkat.xml.netty.XmlElementEncoder;
import io.meerkat.xml.netty.XmlStreamDecoder;
import io.meerkat.xmpp.Namespaces;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.traffic.ChannelTrafficShapingHandler;
import java.util.Map;

/**
 * The pipeline of one client connection, in order: [TLS for Direct TLS] → [shaper] → XML decoder →
 * XML encoder → c2s session. STARTTLS later inserts TLS in front.
 */
public final class C2sChannelInitializer extends ChannelInitializer<SocketChannel> {

  private static final XmlElementEncoder ENCODER =
      new XmlElementEncoder(Namespaces.CLIENT, Map.of("stream", Namespaces.STREAMS));

  private final C2sServices services;
  private final C2sSettings settings;
  private final long shaperBytesPerSecond;
  private final ConnectionLimiter limiter;

  public C2sChannelInitializer(
      C2sServices services,
      C2sSettings settings,
      long shaperBytesPerSecond,
      ConnectionLimiter limiter) {
    this.services = services;
    this.settings = settings;
    this.shaperBytesPerSecond = shaperBytesPerSecond;
    this.limiter = limiter;
  }

  @Override
  protected void initChannel(SocketChannel channel) {
    if (!limiter.tryAcquire(channel)) {
      channel.close();
      return;
    }
    ChannelPipeline pipeline = channel.pipeline();
    if (settings.tlsMode() == TlsMode.TLS) {
      pipeline.addLast(HandlerNames.TLS, settings.sslContext().newHandler(channel.alloc()));
    }
    if (shaperBytesPerSecond > 0) {
      pipeline.addLast(
          HandlerNames.SHAPER, new ChannelTrafficShapingHandler(0, shaperBytesPerSecond));
    }
    XmlStreamDecoder decoder =
        new XmlStreamDecoder(
            XmlLimits.DEFAULT.withMaxStanzaBytes(settings.maxStanzaSize()),
            StreamRestarts::pausesParser);
    pipeline.addLast(HandlerNames.XML_DECODER, decoder);
    pipeline.addLast(HandlerNames.XML_ENCODER, ENCODER);
    pipeline.addLast(HandlerNames.C2S, new C2sHandler(services, settings, decoder));
  }
}
