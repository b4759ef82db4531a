package io.meerkat.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meerkat.server.storage.StoredXml;
import io.meerkat.xml.XmlElement;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ForwardedStanzaReaderTest {

  private static final String NS = "jabber:client";

  private static XmlElement message(int n) {
    return XmlElement.builder("message", NS)
        .attribute("from", "alice@localhost/desk")
        .attribute("to", "bob@localhost/phone")
        .attribute("type", "chat")
        .attribute("id", "m" + n)
        .child(XmlElement.builder("body", NS).text("hello <" + n + "> & ünïcode").build())
        .child(XmlElement.empty("request", "urn:xmpp:receipts"))
        .build();
  }

  private static byte[] bytes(XmlElement e) {
    return StoredXml.write(e).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void consecutivePayloadsOnOneStreamReadAsTheSameElementsAsOnePayloadAlone() {
    ForwardedStanzaReader reader = new ForwardedStanzaReader();
    for (int n = 0; n < 50; n++) {
      XmlElement sent = message(n);
      XmlElement read = reader.read(bytes(sent));
      assertThat(read).isEqualTo(StoredXml.readOne(StoredXml.write(sent)));
      assertThat(read.attribute("id")).isEqualTo("m" + n);
      assertThat(read.child("body", NS).text()).isEqualTo("hello <" + n + "> & ünïcode");
    }
  }

  @Test
  void aMalformedOrIncompletePayloadIsRejectedAndTheNextOneStillReads() {
    ForwardedStanzaReader reader = new ForwardedStanzaReader();
    assertThatThrownBy(() -> reader.read("<message><body>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(reader.read(bytes(message(1))).attribute("id")).isEqualTo("m1");
    assertThatThrownBy(() -> reader.read("<a></b>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(reader.read(bytes(message(2))).attribute("id")).isEqualTo("m2");
    byte[] two = (StoredXml.write(message(3)) + StoredXml.write(message(4))).getBytes();
    assertThatThrownBy(() -> reader.read(two)).hasMessageContaining("expected one");
    assertThat(reader.read(bytes(message(5))).attribute("id")).isEqualTo("m5");
  }
}
