package io.meerkat.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class XmlElementTest {

  private static final String CLIENT = "jabber:client";

  private final XmlElement message =
      XmlElement.builder("message", CLIENT)
          .attribute("to", "juliet@capulet.lit")
          .attribute("type", "chat")
          .child(XmlElement.builder("body", CLIENT).text("a < b & 'c'").build())
          .build();

  @Test
  void serializesWithNamespaceDeclaredOnlyWhereItChanges() {
    XmlElement iq =
        XmlElement.builder("iq", CLIENT)
            .attribute("type", "get")
            .child(XmlElement.empty("query", "jabber:iq:roster"))
            .build();
    assertThat(iq)
        .hasToString("<iq xmlns='jabber:client' type='get'><query xmlns='jabber:iq:roster'/></iq>");
  }

  @Test
  void insideAStreamTheDefaultNamespaceIsNotRepeated() {
    StringBuilder out = new StringBuilder();
    XmlWriter.write(message, CLIENT, Map.of(), out);
    assertThat(out.toString())
        .isEqualTo(
            "<message to='juliet@capulet.lit' type='chat'><body>a &lt; b &amp; 'c'</body></message>");
  }

  @Test
  void streamPrefixedElementsUseThePrefixFromTheHeader() {
    StringBuilder out = new StringBuilder();
    XmlElement features =
        XmlElement.builder("features", "http://etherx.jabber.org/streams")
            .child(XmlElement.empty("bind", "urn:ietf:params:xml:ns:xmpp-bind"))
            .build();
    XmlWriter.write(features, CLIENT, Map.of("stream", "http://etherx.jabber.org/streams"), out);
    assertThat(out.toString())
        .isEqualTo(
            "<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>");
  }

  @Test
  void attributeValuesAreEscaped() {
    XmlElement e = XmlElement.builder("x", "").attribute("a", "\"<'&>").build();
    assertThat(e).hasToString("<x a='&quot;&lt;&apos;&amp;&gt;'/>");
  }

  @Test
  void withAttributeReplacesInPlaceAndSharesChildren() {
    XmlElement stamped = message.withAttribute("from", "romeo@montague.lit/orchard");
    XmlElement retargeted = stamped.withAttribute("to", "nurse@capulet.lit");
    assertThat(retargeted.attributes())
        .extracting(XmlAttribute::name)
        .containsExactly("to", "type", "from");
    assertThat(retargeted.attribute("to")).isEqualTo("nurse@capulet.lit");
    assertThat(retargeted.children()).isSameAs(message.children());
    assertThat(message.attribute("from")).isNull();
  }

  @Test
  void childLookupsMatchNameAndNamespace() {
    assertThat(message.childText("body", CLIENT)).isEqualTo("a < b & 'c'");
    assertThat(message.child("body", "other")).isNull();
    assertThat(message.firstElement().name()).isEqualTo("body");
    assertThat(message.elements()).hasSize(1);
  }

  @Test
  void equalityIsStructural() {
    XmlElement copy =
        XmlElement.builder("message", CLIENT)
            .attribute("to", "juliet@capulet.lit")
            .attribute("type", "chat")
            .child(XmlElement.builder("body", CLIENT).text("a < b & 'c'").build())
            .build();
    assertThat(copy).isEqualTo(message).hasSameHashCodeAs(message);
    assertThat(copy.withoutAttribute("type")).isNotEqualTo(message);
  }

  @Test
  void invalidXmlCharactersAreDetected() {
    assertThat(XmlWriter.isValidXmlText("hello\n\tworld ✓")).isTrue();
    assertThat(XmlWriter.isValidXmlText("bell\u0007")).isFalse();
    assertThat(XmlWriter.isValidXmlText("\uFFFE")).isFalse();
  }
}
