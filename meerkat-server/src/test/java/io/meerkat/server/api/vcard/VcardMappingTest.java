package io.meerkat.server.api.vcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meerkat.server.api.ApiException;
import io.meerkat.server.api.StanzaText;
import io.meerkat.xml.XmlElement;
import io.meerkat.xml.XmlWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapping between the GraphQL vCard types and vcard-temp XML, without a server. */
class VcardMappingTest {

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  @Test
  void inputFieldsBecomeXep0054ElementsInSchemaOrder() {
    Map<String, Object> input =
        map(
            "sortString", List.of("Ulm"),
            "telephone", List.of(map("tags", List.of("CELL", "PREF"), "number", "+1")),
            "nameComponents", map("givenName", "Una", "family", "Ulm"),
            "formattedName", "Una Ulm",
            "class", List.of(map("tags", List.of("PRIVATE"))));
    assertThat(XmlWriter.toXml(VcardWriter.write(input)))
        .isEqualTo(
            "<vCard xmlns='vcard-temp'><FN>Una Ulm</FN><N><FAMILY>Ulm</FAMILY><GIVEN>Una</GIVEN></N>"
                + "<TEL><CELL/><PREF/><NUMBER>+1</NUMBER></TEL><SORT-STRING>Ulm</SORT-STRING>"
                + "<CLASS><PRIVATE/></CLASS></vCard>");
  }

  @Test
  void readingSkipsWhatTheTypesCannotShowAndKeepsTheRest() {
    XmlElement stored =
        StanzaText.element(
            "<vCard xmlns='vcard-temp'><X-FOO>x</X-FOO><EMAIL><INTERNET/><HOME/><OTHER/>"
                + "<USERID>u@example.org</USERID></EMAIL><NICKNAME>a</NICKNAME>"
                + "<NICKNAME>b</NICKNAME><LOGO><EXTVAL>https://x</EXTVAL></LOGO>"
                + "<ext xmlns='urn:example'/></vCard>");
    Map<String, Object> read = VcardReader.read(stored);
    assertThat(read.get("email"))
        .isEqualTo(List.of(map("userId", "u@example.org", "tags", List.of("INTERNET", "HOME"))));
    assertThat(read.get("nickname")).isEqualTo(List.of("a", "b"));
    assertThat(read.get("logo"))
        .isEqualTo(List.of(map(VcardReader.TYPE_NAME, "External", "extValue", "https://x")));
    assertThat(read.get("formattedName")).isNull();
    assertThat(VcardWriter.write(read)).isNotNull();
  }

  @Test
  void aRefusedInputNamesWhereTheProblemIs() {
    Map<String, Object> input =
        map("sound", List.of(map("phonetic", "a"), map("phonetic", "b", "binValue", "AA==")));
    assertThatThrownBy(() -> VcardWriter.write(input))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("vcard.sound[1]");
  }
}
