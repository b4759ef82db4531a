package io.meerkat.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever the writer produces, the parser reads back as the same element, however it is split. */
class XmlRoundTripPropertiesTest {

  private static final String CLIENT = "jabber:client";

  @Property(tries = 300)
  void writtenElementsParseBackEqual(
      @ForAll("elements") XmlElement element, @ForAll @IntRange(min = 1, max = 64) int chunk)
      throws Exception {
    StringBuilder out = new StringBuilder(XmlStreamParserTest.HEADER);
    XmlWriter.write(element, CLIENT, Map.of(), out);
    RecordingHandler handler = new RecordingHandler();
    XmlStreamParserTest.feedAll(
        new XmlStreamParser(XmlLimits.DEFAULT),
        out.toString().getBytes(StandardCharsets.UTF_8),
        chunk,
        handler);
    assertThat(handler.elements).containsExactly(element);
  }

  @Provide
  Arbitrary<XmlElement> elements() {
    return element(3);
  }

  private Arbitrary<XmlElement> element(int depth) {
    Arbitrary<String> names = Arbitraries.of("message", "body", "x", "item", "query", "a-b", "c_1");
    Arbitrary<String> namespaces = Arbitraries.of(CLIENT, "urn:x", "jabber:iq:roster");
    Arbitrary<String> values = Arbitraries.strings().withChars("ab <>&'\"éü✓日").ofMaxLength(8);
    Arbitrary<List<XmlAttribute>> attributes =
        Arbitraries.of("id", "to", "type", "xml:lang")
            .set()
            .ofMaxSize(3)
            .flatMap(
                keys ->
                    values
                        .list()
                        .ofSize(keys.size())
                        .map(
                            vs -> {
                              List<XmlAttribute> list = new ArrayList<>();
                              int i = 0;
                              for (String k : keys) {
                                list.add(new XmlAttribute(k, vs.get(i++)));
                              }
                              return list;
                            }));
    Arbitrary<List<XmlNode>> children =
        depth == 0
            ? values
                .filter(v -> !v.isEmpty())
                .map(v -> List.<XmlNode>of(new XmlText(v)))
                .injectNull(0.5)
                .map(l -> l == null ? List.<XmlNode>of() : l)
            : element(depth - 1).map(e -> (XmlNode) e).list().ofMaxSize(3);
    return net.jqwik.api.Combinators.combine(names, namespaces, attributes, children)
        .as(XmlElement::of);
  }
}
