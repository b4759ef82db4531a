package io.meerkat.bench.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StanzaScannerTest {

  private final List<String> events = new ArrayList<>();
  private final List<Long> stamps = new ArrayList<>();
  private StanzaScanner scanner;

  private StanzaScanner scanner(int max) {
    scanner =
        new StanzaScanner(
            new StanzaScanner.Sink() {
              @Override
              public void streamHeader(Frame header) {
                events.add("header");
              }

              @Override
              public void element(Frame e) {
                events.add(e.toString());
                if (e.is("message")) {
                  stamps.add(e.numberAfter(Stanzas.STAMP));
                }
                if (e.is("success")) {
                  scanner.restart();
                }
              }

              @Override
              public void streamEnd() {
                events.add("end");
              }
            },
            max);
    return scanner;
  }

  private void feedBytewise(StanzaScanner s, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < b.length; i++) {
      s.feed(b, i, 1);
    }
  }

  @Test
  void splitsAStreamIntoHeaderTopLevelElementsAndEnd() {
    byte[] stream =
        ("<?xml version='1.0'?><stream:stream xmlns='jabber:client' id='x'>"
                + "<stream:features><mechanisms><mechanism>PLAIN</mechanism></mechanisms>"
                + "</stream:features><presence/><iq type='result' id='bind1'/></stream:stream>")
            .getBytes(StandardCharsets.UTF_8);
    scanner(1 << 16).feed(stream, 0, stream.length);

    assertThat(events)
        .containsExactly(
            "header",
            "<stream:features><mechanisms><mechanism>PLAIN</mechanism></mechanisms>"
                + "</stream:features>",
            "<presence/>",
            "<iq type='result' id='bind1'/>",
            "end");
  }

  @Test
  void elementsSplitAcrossReadsAtEveryByteAreReassembled() {
    StanzaScanner s = scanner(1 << 16);
    feedBytewise(
        s,
        "<stream:stream><message to='a@b' type=\"chat\"><body>t=12345 x &gt; y</body></message>"
            + "<message><body>t=7</body></message>");

    assertThat(events)
        .containsExactly(
            "header",
            "<message to='a@b' type=\"chat\"><body>t=12345 x &gt; y</body></message>",
            "<message><body>t=7</body></message>");
    assertThat(stamps).containsExactly(12345L, 7L);
  }

  @Test
  void aGreaterThanSignInsideAnAttributeValueDoesNotEndTheTag() {
    scanner(1 << 16);
    feedBytewise(scanner, "<stream:stream><iq id='a>b' type='get'><q/></iq>");

    assertThat(events).containsExactly("header", "<iq id='a>b' type='get'><q/></iq>");
  }

  @Test
  void aRestartInsideTheCallbackExpectsANewHeaderInTheSameRead() {
    scanner(1 << 16);
    feedBytewise(
        scanner,
        "<stream:stream><success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"
            + "<stream:stream id='2'><stream:features/>");

    assertThat(events)
        .containsExactly(
            "header",
            "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>",
            "header",
            "<stream:features/>");
  }

  @Test
  void anElementLargerThanTheLimitIsRefused() {
    StanzaScanner s = scanner(8192);
    s.feed("<stream:stream><message><body>".getBytes(StandardCharsets.UTF_8), 0, 30);

    assertThatThrownBy(() -> s.feed(new byte[10_000], 0, 10_000))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void frameLooksUpNamesAttributesAndContentInPlace() {
    Frame f =
        Frame.of(
            "<challenge xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\">cj1meWtv</challenge>"
                .getBytes(StandardCharsets.UTF_8));

    assertThat(f.is("challenge")).isTrue();
    assertThat(f.is("chall")).isFalse();
    assertThat(f.attribute("xmlns")).isEqualTo("urn:ietf:params:xml:ns:xmpp-sasl");
    assertThat(f.attribute("id")).isNull();
    assertThat(f.content()).isEqualTo("cj1meWtv");
    assertThat(Frame.of("<success/>".getBytes(StandardCharsets.UTF_8)).content()).isNull();
  }
}
