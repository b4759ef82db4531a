package io.meerkat.xml.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.meerkat.xml.XmlElement;
import io.meerkat.xml.XmlLimits;
import io.meerkat.xml.XmlStreamException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XmlStreamDecoderTest {

  private static final String HEADER =
      "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";

  private final List<Object> events = new ArrayList<>();
  private final List<Throwable> errors = new ArrayList<>();
  private final XmlStreamDecoder decoder =
      new XmlStreamDecoder(
          XmlLimits.DEFAULT, e -> e.name().equals("auth") || e.name().equals("starttls"));
  private final EmbeddedChannel channel =
      new EmbeddedChannel(
          decoder,
          new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
              events.add(msg);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
              errors.add(cause);
            }
          });

  private ByteBuf bytes(String s) {
    return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
  }

  private List<String> elementNames() {
    return events.stream()
        .filter(XmlStreamEvent.Element.class::isInstance)
        .map(e -> ((XmlStreamEvent.Element) e).element().name())
        .toList();
  }

  @Test
  void firesHeaderElementsAndCloseAndReleasesEveryBuffer() {
    ByteBuf first = bytes(HEADER + "<message><body>a");
    ByteBuf second = bytes("</body></message><presence/></stream:stream>");
    channel.writeInbound(first, second);
    assertThat(events.get(0)).isInstanceOf(XmlStreamEvent.StreamOpened.class);
    assertThat(elementNames()).containsExactly("message", "presence");
    assertThat(events.get(events.size() - 1)).isInstanceOf(XmlStreamEvent.StreamClosed.class);
    assertThat(first.refCnt()).isZero();
    assertThat(second.refCnt()).isZero();
  }

  @Test
  void aLargeInputIsParsedAcrossSlices() {
    StringBuilder sb = new StringBuilder(HEADER);
    for (int i = 0; i < 3000; i++) {
      sb.append("<message id='").append(i).append("'><body>hello</body></message>");
    }
    channel.writeInbound(bytes(sb.toString()));
    assertThat(elementNames()).hasSize(3000);
  }

  @Test
  void pausesAfterAuthAndAPipelinedNewStreamGoesToTheRestartedParser() {
    channel.writeInbound(bytes(HEADER + "<auth mechanism='PLAIN'>x</auth>" + HEADER + "<iq/>"));
    assertThat(elementNames()).containsExactly("auth");
    assertThat(channel.config().isAutoRead()).isFalse();

    decoder.restart();
    channel.runPendingTasks();

    assertThat(events.stream().filter(XmlStreamEvent.StreamOpened.class::isInstance)).hasSize(2);
    assertThat(elementNames()).containsExactly("auth", "iq");
    assertThat(channel.config().isAutoRead()).isTrue();
  }

  @Test
  void inputArrivingWhilePausedWaitsAndIsParsedAfterResume() {
    channel.writeInbound(bytes(HEADER + "<auth/><presence/>"));
    channel.writeInbound(bytes("<message/>"));
    assertThat(elementNames()).containsExactly("auth");
    decoder.resume();
    channel.runPendingTasks();
    assertThat(elementNames()).containsExactly("auth", "presence", "message");
  }

  @Test
  void bytesAfterStarttlsAreDiscardedOnRestart() {
    ByteBuf later = bytes("<message to='injected'/>");
    channel.writeInbound(bytes(HEADER + "<starttls/><message to='plaintext-injection'/>"));
    channel.writeInbound(later);
    decoder.restartDiscardingInput();
    channel.runPendingTasks();
    assertThat(elementNames()).containsExactly("starttls");
    assertThat(later.refCnt()).isZero();

    channel.writeInbound(bytes(HEADER + "<presence/>"));
    assertThat(elementNames()).containsExactly("starttls", "presence");
  }

  @Test
  void aParseErrorIsReportedOnceAndLaterInputIsDropped() {
    ByteBuf after = bytes("<presence/>");
    channel.writeInbound(bytes(HEADER + "<message><!-- x --></message>"));
    channel.writeInbound(after);
    assertThat(errors).hasSize(1);
    assertThat(((XmlStreamException) errors.get(0)).reason())
        .isEqualTo(XmlStreamException.Reason.RESTRICTED_XML);
    assertThat(after.refCnt()).isZero();
    assertThat(elementNames()).isEmpty();
  }

  @Test
  void theEncoderWritesElementsInTheStreamContext() {
    EmbeddedChannel out =
        new EmbeddedChannel(
            new XmlElementEncoder(
                "jabber:client", Map.of("stream", "http://etherx.jabber.org/streams")));
    out.writeOutbound(
        XmlElement.builder("features", "http://etherx.jabber.org/streams")
            .child(XmlElement.empty("bind", "urn:ietf:params:xml:ns:xmpp-bind"))
            .build(),
        "</stream:stream>");
    ByteBuf a = out.readOutbound();
    ByteBuf b = out.readOutbound();
    assertThat(a.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>");
    assertThat(b.toString(StandardCharsets.UTF_8)).isEqualTo("</stream:stream>");
    a.release();
    b.release();
  }
}
