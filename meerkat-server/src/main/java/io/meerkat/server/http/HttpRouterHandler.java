package io.meerkat.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each complete request to the first route whose host and path match; 404 otherwise. */
final class HttpRouterHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final Logger LOG = LoggerFactory.getLogger(HttpRouterHandler.class);

  private final List<HttpRoute> routes;
  private final Executor blocking;

  HttpRouterHandler(List<HttpRoute> routes, Executor blocking) {
    super(false);
    this.routes = routes;
    this.blocking = blocking;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    HttpExchange exchange = new HttpExchange(ctx, request, blocking);
    try {
      DecoderResult decoded = request.decoderResult();
      if (decoded.isFailure()) {
        exchange.respondText(HttpResponseStatus.BAD_REQUEST, "Malformed HTTP request\n");
        return;
      }
      String host = hostName(request.headers().get(HttpHeaderNames.HOST));
      String path = new QueryStringDecoder(request.uri()).path();
      for (HttpRoute route : routes) {
        if (route.matches(host, path)) {
          route.handle(exchange);
          return;
        }
      }
      exchange.respondText(HttpResponseStatus.NOT_FOUND, "Not found\n");
    } finally {
      request.release();
    }
  }

  private static String hostName(String header) {
    if (header == null) {
      return "";
    }
    if (header.startsWith("[")) {
      int end = header.indexOf(']');
      return end < 0 ? header : header.substring(1, end);
    }
    int colon = header.lastIndexOf(':');
    return colon < 0 ? header : header.substring(0, colon);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("HTTP connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }
}
