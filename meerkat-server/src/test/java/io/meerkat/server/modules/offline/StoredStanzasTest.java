package io.meerkat.server.modules.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Namespaces;
import org.junit.jupiter.api.Test;

/** Stanzas survive the trip to stored text and back. */
class StoredStanzasTest {

  @Test
  void aStanzaWithNamespacesAttributesAndEscapedTextRoundTrips() {
    XmlElement message =
        XmlElement.builder("message", Namespaces.CLIENT)
            .attribute("from", "a@localhost/r")
            .attribute("to", "b@localhost")
            .attribute("type", "chat")
            .attribute("id", "it's \"quoted\"")
            .child(
                XmlElement.builder("body", Namespaces.CLIENT).text("1 < 2 & 3 > 2 ünï 🦦").build())
            .child(
                XmlElement.builder("x", "jabber:x:oob")
                    .child(
                        XmlElement.builder("url", "jabber:x:oob")
                            .text("https://x/?a=1&b=2")
                            .build())
                    .build())
            .build();
    XmlElement back = StoredStanzas.read(StoredStanzas.write(message));
    assertThat(back).isEqualTo(message);
  }

  @Test
  void textThatIsNotOneElementIsRejected() {
    assertThatThrownBy(() -> StoredStanzas.read("<message>"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StoredStanzas.read("<a/><b/>"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StoredStanzas.read("<!DOCTYPE x><a/>"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
