package io.meerkat.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meerkat.xml.XmlElement;
import org.junit.jupiter.api.Test;

class StanzaTest {

  private final XmlElement iq =
      XmlElement.builder("iq", Namespaces.CLIENT)
          .attribute("id", "q1")
          .attribute("type", "get")
          .attribute("from", "romeo@montague.lit/orchard")
          .attribute("to", "juliet@capulet.lit/balcony")
          .child(XmlElement.empty("query", Namespaces.VERSION))
          .build();

  @Test
  void errorReplySwapsAddressesKeepsIdAndRequestAndAppendsTheError() {
    XmlElement reply =
        Stanza.errorReply(iq, StanzaError.of(StanzaError.Condition.SERVICE_UNAVAILABLE));
    assertThat(reply)
        .hasToString(
            "<iq xmlns='jabber:client' id='q1' type='error' from='juliet@capulet.lit/balcony'"
                + " to='romeo@montague.lit/orchard'><query xmlns='jabber:iq:version'/>"
                + "<error type='cancel'><service-unavailable"
                + " xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
  }

  @Test
  void errorTypeDefaultsFollowTheRfcAndCanBeOverridden() {
    assertThat(StanzaError.of(StanzaError.Condition.BAD_REQUEST).type())
        .isEqualTo(StanzaError.Type.MODIFY);
    assertThat(StanzaError.of(StanzaError.Condition.RESOURCE_CONSTRAINT).type())
        .isEqualTo(StanzaError.Type.WAIT);
    XmlElement e =
        StanzaError.of(StanzaError.Condition.NOT_ACCEPTABLE, "too short")
            .withType(StanzaError.Type.CANCEL)
            .toElement(Namespaces.CLIENT);
    assertThat(e.attribute("type")).isEqualTo("cancel");
    assertThat(e.childText("text", Namespaces.STANZA_ERRORS)).isEqualTo("too short");
  }

  @Test
  void streamErrorsUseTheStreamPrefixedElementAndHyphenatedConditions() {
    XmlElement error = StreamError.of(StreamError.Condition.NOT_WELL_FORMED, "bad").toElement();
    assertThat(error.namespace()).isEqualTo(Namespaces.STREAMS);
    assertThat(error.child("not-well-formed", Namespaces.STREAM_ERRORS)).isNotNull();
    assertThat(error.childText("text", Namespaces.STREAM_ERRORS)).isEqualTo("bad");
  }

  @Test
  void kindsTypesAndAddressesAreRead() {
    assertThat(Stanza.kind(iq)).isEqualTo(Stanza.Kind.IQ);
    assertThat(Stanza.kind(XmlElement.empty("starttls", Namespaces.TLS)))
        .isEqualTo(Stanza.Kind.OTHER);
    assertThat(IqType.parse(Stanza.type(iq))).isEqualTo(IqType.GET);
    assertThat(IqType.parse("bogus")).isNull();
    assertThat(MessageType.parse("bogus")).isEqualTo(MessageType.NORMAL);
    assertThat(PresenceType.parse(null)).isEqualTo(PresenceType.AVAILABLE);
    assertThat(PresenceType.parse("bogus")).isNull();
    assertThat(Stanza.to(iq)).isEqualTo(Jid.parse("juliet@capulet.lit/balcony"));
    assertThatThrownBy(() -> Stanza.to(iq.withAttribute("to", "@bad")))
        .isInstanceOf(InvalidJidException.class);
  }

  @Test
  void messageErrorRepliesKeepThePayload() {
    XmlElement message =
        XmlElement.builder("message", Namespaces.CLIENT)
            .attribute("to", "a@b")
            .child(XmlElement.builder("body", Namespaces.CLIENT).text("hi").build())
            .build();
    XmlElement reply =
        Stanza.errorReply(message, StanzaError.of(StanzaError.Condition.ITEM_NOT_FOUND));
    assertThat(reply.childText("body", Namespaces.CLIENT)).isEqualTo("hi");
    assertThat(reply.attribute("from")).isEqualTo("a@b");
    assertThat(reply.attribute("to")).isNull();
  }
}
