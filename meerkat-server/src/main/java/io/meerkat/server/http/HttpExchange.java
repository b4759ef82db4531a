package io.meerkat.server.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * One HTTP request and the means to answer it. The request body is already complete (aggregated and
 * size-checked). Owns a reference to the request: exactly one of the respond methods, or {@link
 * #startStream}, must be called.
 */
public final class HttpExchange {

  /** Set on channels that carry a streamed response (they are exempt from the idle timeout). */
  static final AttributeKey<Boolean> STREAMING = AttributeKey.valueOf("meerkat.http.streaming");

  private final ChannelHandlerContext ctx;
  private final FullHttpRequest request;
  private final QueryStringDecoder uri;
  private final Executor blocking;
  private final byte[] body;

  HttpExchange(ChannelHandlerContext ctx, FullHttpRequest request, Executor blocking) {
    this.ctx = ctx;
    this.request = request;
    this.uri = new QueryStringDecoder(request.uri());
    this.blocking = blocking;
    ByteBuf content = request.content();
    this.body = new byte[content.readableBytes()];
    content.getBytes(content.readerIndex(), body);
  }

  public FullHttpRequest request() {
    return request;
  }

  public String method() {
    return request.method().name();
  }

  public String path() {
    return uri.path();
  }

  /** The first value of a query parameter, or null. */
  public String queryParameter(String name) {
    List<String> values = uri.parameters().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public String header(CharSequence name) {
    return request.headers().get(name);
  }

  public byte[] body() {
    return body;
  }

  public InetSocketAddress remoteAddress() {
    return (InetSocketAddress) ctx.channel().remoteAddress();
  }

  /** Continues on a virtual thread: for work that blocks (JDBC, password hashing). */
  public void offload(Runnable work) {
    blocking.execute(work);
  }

  public ChannelFuture respond(HttpResponseStatus status, String contentType, byte[] content) {
    return respond(status, contentType, content, Map.of());
  }

  /** Sends a complete response; keeps the connection open when the client asked for it. */
  public ChannelFuture respond(
      HttpResponseStatus status, String contentType, byte[] content, Map<String, String> headers) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            request.protocolVersion(), status, Unpooled.wrappedBuffer(content));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    response.headers().set(HttpHeaderNames.CONTENT_LENGTH, content.length);
    response.headers().set("X-Content-Type-Options", "nosniff");
    headers.forEach((k, v) -> response.headers().set(k, v));
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpUtil.setKeepAlive(response, keepAlive);
    ChannelFuture written = ctx.writeAndFlush(response);
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
    }
    return written;
  }

  public ChannelFuture respondText(HttpResponseStatus status, String text) {
    return respond(
        status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /**
   * Starts a streamed response (Server-Sent Events): headers now, then {@link #sendChunk} per
   * event, then {@link #endStream}. {@code onClose} runs when the client goes away.
   */
  public void startStream(String contentType, Runnable onClose) {
    HttpResponse response =
        new DefaultHttpResponse(request.protocolVersion(), HttpResponseStatus.OK);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    response.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
    HttpUtil.setTransferEncodingChunked(response, true);
    ctx.channel().attr(STREAMING).set(true);
    ctx.channel().closeFuture().addListener(f -> onClose.run());
    ctx.writeAndFlush(response);
  }

  public void sendChunk(String text) {
    ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)));
  }

  /** Ends a streamed response; the connection is closed (streams are not reused). */
  public void endStream() {
    ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
  }
}
