package io.meerkat.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meerkat.xml.XmlStreamException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XmlStreamParserTest {

  static final String HEADER =
      "<?xml version='1.0'?><stream:stream xmlns='jabber:client'"
          + " xmlns:stream='http://etherx.jabber.org/streams' to='localhost' version='1.0'>";
  static final String CLIENT = "jabber:client";

  private final XmlLimits small = new XmlLimits(1024, 6, 8, 20);

  static XmlStreamParser.Progress feedAll(
      XmlStreamParser parser, byte[] bytes, int chunk, RecordingHandler handler)
      throws XmlStreamException {
    XmlStreamParser.Progress progress = XmlStreamParser.Progress.NEED_INPUT;
    for (int i = 0; i < bytes.length; i += chunk) {
      parser.feed(bytes, i, Math.min(chunk, bytes.length - i));
      progress = parser.drain(handler);
      if (progress != XmlStreamParser.Progress.NEED_INPUT) {
        return progress;
      }
    }
    return progress;
  }

  static RecordingHandler parse(String xml, XmlLimits limits, int chunk) throws XmlStreamException {
    RecordingHandler handler = new RecordingHandler();
    feedAll(new XmlStreamParser(limits), xml.getBytes(StandardCharsets.UTF_8), chunk, handler);
    return handler;
  }

  @Test
  void reportsTheHeaderEachStanzaAndTheStreamEnd() throws Exception {
    RecordingHandler h =
        parse(
            HEADER
                + "<message to='a@b' xml:lang='en'><body>hi &amp; bye</body>"
                + "<x xmlns='jabber:x:data'/></message>\n <iq type='get' id='1'/></stream:stream>",
            XmlLimits.DEFAULT,
            4096);
    assertThat(h.header.name()).isEqualTo("stream");
    assertThat(h.header.namespace()).isEqualTo("http://etherx.jabber.org/streams");
    assertThat(h.header.attribute("to")).isEqualTo("localhost");
    assertThat(h.namespaces)
        .containsEntry("", CLIENT)
        .containsEntry("stream", "http://etherx.jabber.org/streams");
    assertThat(h.elements).hasSize(2);
    XmlElement message = h.elements.get(0);
    assertThat(message.namespace()).isEqualTo(CLIENT);
    assertThat(message.attribute("xml:lang")).isEqualTo("en");
    assertThat(message.childText("body", CLIENT)).isEqualTo("hi & bye");
    assertThat(message.child("x", "jabber:x:data")).isNotNull();
    assertThat(h.elements.get(1).attribute("id")).isEqualTo("1");
    assertThat(h.closed).isTrue();
  }

  @Test
  void byteByByteFeedingGivesTheSameStanzasEvenInsideMultiByteCharacters() throws Exception {
    String xml = HEADER + "<message><body>héllo ✓ 𝄞 日本</body></message><presence/>";
    RecordingHandler whole = parse(xml, XmlLimits.DEFAULT, 100_000);
    RecordingHandler bytewise = parse(xml, XmlLimits.DEFAULT, 1);
    assertThat(bytewise.elements).isEqualTo(whole.elements);
    assertThat(whole.elements.get(0).firstElement().text()).isEqualTo("héllo ✓ 𝄞 日本");
  }

  @Test
  void randomChunkingNeverChangesTheResult() throws Exception {
    Random random = new Random(42);
    String xml =
        HEADER
            + "<iq type='set' id='x'><query xmlns='jabber:iq:roster'><item jid='a@b' name='Ä'>"
            + "<group>Friends</group></item></query></iq><message><body>&lt;tag&gt; ü</body>"
            + "</message>";
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    RecordingHandler expected = parse(xml, XmlLimits.DEFAULT, bytes.length);
    for (int round = 0; round < 200; round++) {
      RecordingHandler h = new RecordingHandler();
      XmlStreamParser parser = new XmlStreamParser(XmlLimits.DEFAULT);
      int i = 0;
      while (i < bytes.length) {
        int n = 1 + random.nextInt(17);
        n = Math.min(n, bytes.length - i);
        parser.feed(bytes, i, n);
        parser.drain(h);
        i += n;
      }
      assertThat(h.elements).isEqualTo(expected.elements);
    }
  }

  @Test
  void whitespaceKeepalivesBetweenStanzasAreAccepted() throws Exception {
    RecordingHandler h = parse(HEADER + " \n\t <presence/>  \n", XmlLimits.DEFAULT, 3);
    assertThat(h.elements).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<message><!-- hidden --></message>",
        "<message><?evil data?></message>",
        "<message><body>&xxe;</body></message>",
      })
  void restrictedConstructsInsideTheStreamAreRejected(String stanza) {
    assertThatThrownBy(() -> parse(HEADER + stanza, XmlLimits.DEFAULT, 4096))
        .isInstanceOf(XmlStreamException.class)
        .extracting(e -> ((XmlStreamException) e).reason())
        .isEqualTo(Reason.RESTRICTED_XML);
  }

  @Test
  void aDocumentTypeDeclarationIsRestrictedXml() {
    String billionLaughs =
        "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>"
            + "<!ENTITY lol2 '&lol;&lol;'>]><stream:stream xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams'><message>&lol2;</message>";
    assertThatThrownBy(() -> parse(billionLaughs, XmlLimits.DEFAULT, 4096))
        .extracting(e -> ((XmlStreamException) e).reason())
        .isEqualTo(Reason.RESTRICTED_XML);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<message></presence>",
        "<message><p:x/></message>",
        "<message a='1' a='2'/>",
        "stray text",
        "<message><body>\u0001</body></message>",
      })
  void malformedInputIsNotWellFormed(String stanza) {
    assertThatThrownBy(() -> parse(HEADER + stanza + "<presence/>", XmlLimits.DEFAULT, 4096))
        .extracting(e -> ((XmlStreamException) e).reason())
        .isEqualTo(Reason.NOT_WELL_FORMED);
  }

  @Test
  void invalidUtf8IsNotWellFormed() throws Exception {
    XmlStreamParser parser = new XmlStreamParser(XmlLimits.DEFAULT);
    byte[] head = (HEADER + "<message><body>").getBytes(StandardCharsets.UTF_8);
    byte[] bad = {(byte) 0xC3, (byte) 0x28, '<', '/', 'b', 'o', 'd', 'y', '>'};
    RecordingHandler h = new RecordingHandler();
    parser.feed(head, 0, head.length);
    parser.drain(h);
    assertThatThrownBy(
            () -> {
              parser.feed(bad, 0, bad.length);
              parser.drain(h);
            })
        .extracting(e -> ((XmlStreamException) e).reason())
        .isEqualTo(Reason.NOT_WELL_FORMED);
  }

  @Test
  void aStanzaOverTheSizeLimitIsAPolicyViolationEvenWhenFedAtOnce() {
    String big = "<message><body>" + "x".repeat(2000) + "</body></message>";
    for (int chunk : new int[] {64, 100_000}) {
      assertThatThrownBy(() -> parse(HEADER + big, small, chunk))
          .extracting(e -> ((XmlStreamException) e).reason())
          .isEqualTo(Reason.POLICY_VIOLATION);
    }
  }

  @Test
  void anUnfinishedStanzaCannotGrowPastTheLimit() {
    String unfinished = "<message><body>" + "y".repeat(1500);
    assertThatThrownBy(() -> parse(HEADER + unfinished, small, 100))
        .extracting(e -> ((XmlStreamException) e).reason())
        .isEqualTo(Reason.POLICY_VIOLATION);
  }

  @Test
  void endlessWhitespaceBetweenStanzasIsBounded() {
    assertThatThrownBy(() -> parse(HEADER + " ".repeat(5000), small, 512))
        .extracting(e -> ((XmlStreamException) e).reason())
        .isEqualTo(Reason.POLICY_VIOLATION);
  }

  @Test
  void manySmallStanzasInOneChunkAreFine() throws Exception {
    String stanzas = "<presence/>".repeat(500);
    assertThat(parse(HEADER + stanzas, small, 100_000).elements).hasSize(500);
  }

  @Test
  void depthAttributeAndChildLimitsAreEnforced() {
    String deep = "<a><b><c><d><e><f/></e></d></c></b></a>";
    String attributes = "<a a1='' a2='' a3='' a4='' a5='' a6='' a7='' a8='' a9=''/>";
    String children = "<a>" + "<b/>".repeat(21) + "</a>";
    for (String stanza : new String[] {deep, attributes, children}) {
      assertThatThrownBy(() -> parse(HEADER + stanza, small, 4096))
          .as(stanza)
          .extracting(e -> ((XmlStreamException) e).reason())
          .isEqualTo(Reason.POLICY_VIOLATION);
    }
  }

  @Test
  void pausesAfterAMatchingElementAndHandsOverTheFollowingBytes() throws Exception {
    XmlStreamParser parser = new XmlStreamParser(XmlLimits.DEFAULT, e -> e.name().equals("auth"));
    RecordingHandler h = new RecordingHandler();
    byte[] bytes =
        (HEADER + "<auth mechanism='PLAIN'>AGEAYg==</auth>" + HEADER + "<iq/>")
            .getBytes(StandardCharsets.UTF_8);
    parser.feed(bytes, 0, bytes.length);
    assertThat(parser.drain(h)).isEqualTo(XmlStreamParser.Progress.PAUSED);
    assertThat(h.elements).extracting(XmlElement::name).containsExactly("auth");

    byte[] tail = parser.unconsumedBytes();
    assertThat(new String(tail, StandardCharsets.UTF_8)).isEqualTo(HEADER + "<iq/>");
    parser.restart();
    parser.feed(tail, 0, tail.length);
    assertThat(parser.drain(h)).isEqualTo(XmlStreamParser.Progress.NEED_INPUT);
    assertThat(h.headers).isEqualTo(2);
    assertThat(h.elements).extracting(XmlElement::name).containsExactly("auth", "iq");
  }

  @Test
  void drainingAgainAfterAPauseContinuesTheSameStream() throws Exception {
    XmlStreamParser parser =
        new XmlStreamParser(XmlLimits.DEFAULT, e -> e.name().equals("response"));
    RecordingHandler h = new RecordingHandler();
    byte[] bytes = (HEADER + "<response/><presence/>").getBytes(StandardCharsets.UTF_8);
    parser.feed(bytes, 0, bytes.length);
    assertThat(parser.drain(h)).isEqualTo(XmlStreamParser.Progress.PAUSED);
    assertThat(parser.drain(h)).isEqualTo(XmlStreamParser.Progress.NEED_INPUT);
    assertThat(h.elements).extracting(XmlElement::name).containsExactly("response", "presence");
  }
}
