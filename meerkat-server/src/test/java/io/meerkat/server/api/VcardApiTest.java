package io.meerkat.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meerkat.server.testing.ApiNode;
import io.meerkat.server.testing.GraphqlClient;
import io.meerkat.server.testing.GraphqlClient.Response;
import io.meerkat.server.testing.RawClient;
import io.meerkat.server.testing.TestNode;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code vcard} category of both endpoints over real HTTP: structured vCards both ways. */
class VcardApiTest {

  static final String MODULES =
      """

      [modules.mod_vcard]
        max_size = 4000
      """;

  /** Every field of {@code Vcard}, unions with their type names, one level of agent vCard. */
  static final String FIELDS =
      """
      fragment Img on Image { __typename ... on ImageData { type binValue }
        ... on External { extValue } }
      fragment Name on NameComponents { family givenName middleName prefix suffix }
      fragment Card on Vcard {
        formattedName nameComponents { ...Name } nickname photo { ...Img } birthday
        address { tags pobox extadd street locality region pcode country }
        label { tags line } telephone { tags number } email { tags userId }
        jabberId mailer timeZone geo { lat lon } title role logo { ...Img }
        agent { __typename ... on External { extValue }
          ... on AgentVcard { vcard { formattedName nameComponents { ...Name } nickname } } }
        org { orgname orgunit } categories { keyword } note prodId rev sortString
        sound { __typename ... on Phonetic { phonetic } ... on BinValue { binValue }
          ... on External { extValue } }
        uid url desc class { tags } key { type credential }
      }
      """;

  /** A vCard with every field of {@code VcardInput} set. */
  static final String FULL =
      """
      {
        "formattedName": "Una Ulm",
        "nameComponents": {"family": "Ulm", "givenName": "Una", "middleName": "U.",
          "prefix": "Dr.", "suffix": "Jr."},
        "nickname": ["una", "uu"],
        "photo": [{"type": "image/png", "binValue": "iVBORw0KGgo="},
          {"extValue": "https://example.org/una.png"}],
        "birthday": ["1990-02-03"],
        "address": [{"tags": ["WORK", "PREF"], "pobox": "12", "extadd": "Floor 3",
          "street": "Main St 1", "locality": "Ulm", "region": "BW", "pcode": "89073",
          "country": "Germany"}, {"tags": ["HOME"], "street": "Side St 2"}],
        "label": [{"tags": ["HOME"], "line": ["Una Ulm", "Side St 2"]}],
        "telephone": [{"tags": ["CELL", "VOICE"], "number": "+49 1"}, {"number": "+49 2"}],
        "email": [{"tags": ["INTERNET", "PREF"], "userId": "una@example.org"}],
        "jabberId": ["una@localhost"],
        "mailer": ["Meerkat Mail"],
        "timeZone": ["+01:00"],
        "geo": [{"lat": "48.4", "lon": "9.99"}],
        "title": ["Engineer"],
        "role": ["Operator"],
        "logo": [{"extValue": "https://example.org/logo.svg"}],
        "agent": [{"extValue": "xmpp:boss@localhost"},
          {"vcard": {"formattedName": "Ada Agent", "nameComponents": {"family": "Agent",
            "givenName": "Ada"}, "nickname": ["ada"]}}],
        "org": [{"orgname": "Meerkat", "orgunit": ["Ops", "Night shift"]}],
        "categories": [{"keyword": ["xmpp", "ops"]}],
        "note": ["Prefers chat & <tags>"],
        "prodId": ["-//Meerkat//Test//EN"],
        "rev": ["2026-11-23T12:00:00Z"],
        "sortString": ["Ulm"],
        "sound": [{"phonetic": "oo-nah"}, {"binValue": "UklGRg=="},
          {"extValue": "https://example.org/una.ogg"}],
        "uid": ["una-1"],
        "url": ["https://example.org/una"],
        "desc": ["Runs the servers"],
        "class": [{"tags": ["PUBLIC"]}],
        "key": [{"type": "PGP", "credential": "AAAA"}, {"credential": "BBBB"}]
      }
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static TestNode node;
  static GraphqlClient admin;

  @BeforeAll
  static void start() {
    node = TestNode.start(dir, ApiNode.HTTP_LISTENERS + MODULES);
    admin = ApiNode.admin(node);
    for (String user : List.of("una", "vic", "wes", "xia")) {
      node.node().users().register(Jid.bare(user, "localhost"), user + "-Pass-1");
    }
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static GraphqlClient as(String user) {
    return ApiNode.user(node, user + "@localhost", user + "-Pass-1");
  }

  static Map<String, Object> json(String text) {
    try {
      return JSON.readValue(
          text, JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Response adminSet(String user, Map<String, Object> vcard) {
    return admin.query(
        FIELDS
            + "mutation($u: JID!, $v: VcardInput!) { vcard { setVcard(user: $u, vcard: $v) {"
            + " ...Card } } }",
        Map.of("u", user, "v", vcard));
  }

  private static Response adminGet(String user) {
    return admin.query(
        FIELDS + "query($u: JID!) { vcard { getVcard(user: $u) { ...Card } } }", Map.of("u", user));
  }

  /** The answer without nulls and type names: what an input with the same content looks like. */
  private static JsonNode content(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        if (value.isNull() || name.equals("__typename")) {
          object.remove(name);
        } else {
          strip(value);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(VcardApiTest::strip);
    }
  }

  @Test
  void everyFieldSurvivesTheRoundTripThroughTheStoredVcard() {
    Response set = adminSet("una@localhost", json(FULL));
    assertThat(set.body().has("errors")).as(set.body().toString()).isFalse();
    JsonNode expected = JSON.valueToTree(json(FULL));
    assertThat(content(set.data("vcard/setVcard"))).isEqualTo(expected);
    assertThat(content(adminGet("una@localhost").data("vcard/getVcard"))).isEqualTo(expected);
    Response own = as("una").query(FIELDS + "{ vcard { getVcard { ...Card } } }");
    assertThat(content(own.data("vcard/getVcard"))).isEqualTo(expected);

    JsonNode stored = adminGet("una@localhost").data("vcard/getVcard");
    assertThat(stored.at("/photo/0/__typename").asText()).isEqualTo("ImageData");
    assertThat(stored.at("/photo/1/__typename").asText()).isEqualTo("External");
    assertThat(stored.at("/agent/1/__typename").asText()).isEqualTo("AgentVcard");
    assertThat(stored.at("/sound/1/__typename").asText()).isEqualTo("BinValue");
  }

  @Test
  void anXmppClientReadsTheStructuredVcardAsVcardTempXml() throws Exception {
    adminSet("vic@localhost", json(FULL));
    try (RawClient wes = RawClient.loggedIn(node.starttlsPort(), "wes", "wes-Pass-1", "pc")) {
      wes.send("<iq type='get' id='v1' to='vic@localhost'><vCard xmlns='vcard-temp'/></iq>");
      XmlElement vcard = wes.next().child("vCard", Namespaces.VCARD);
      String v = Namespaces.VCARD;
      assertThat(vcard.childText("FN", v)).isEqualTo("Una Ulm");
      assertThat(vcard.child("N", v).childText("GIVEN", v)).isEqualTo("Una");
      assertThat(vcard.childText("SORT-STRING", v)).isEqualTo("Ulm");
      assertThat(vcard.childText("NOTE", v)).isEqualTo("Prefers chat & <tags>");
      XmlElement tel = vcard.child("TEL", v);
      assertThat(tel.elements().stream().map(XmlElement::name).toList())
          .containsExactly("CELL", "VOICE", "NUMBER");
      assertThat(vcard.child("PHOTO", v).childText("BINVAL", v)).isEqualTo("iVBORw0KGgo=");
      XmlElement agent =
          vcard.elements().stream().filter(e -> e.name().equals("AGENT")).toList().get(1);
      assertThat(agent.child("vCard", v).childText("FN", v)).isEqualTo("Ada Agent");
      assertThat(vcard.child("KEY", v).childText("CRED", v)).isEqualTo("AAAA");
      assertThat(vcard.child("ORG", v).elements().stream().map(XmlElement::text).toList())
          .containsExactly("Meerkat", "Ops", "Night shift");
    }
  }

  @Test
  void aVcardAClientStoredIsReadAsTheStructuredType() throws Exception {
    try (RawClient xia = RawClient.loggedIn(node.starttlsPort(), "xia", "xia-Pass-1", "pc")) {
      xia.send(
          "<iq type='set' id='s1'><vCard xmlns='vcard-temp'><FN>Xia</FN><X-EXTRA>kept</X-EXTRA>"
              + "<TEL><WORK/><BOGUS/><NUMBER>7</NUMBER></TEL><FN>Second</FN>"
              + "<PHOTO><TYPE>image/jpeg</TYPE><BINVAL>/9j/</BINVAL></PHOTO>"
              + "<AGENT><EXTVAL>https://example.org/a.vcf</EXTVAL></AGENT>"
              + "<SOUND><PHONETIC>shee-ah</PHONETIC></SOUND><NICKNAME/></vCard></iq>");
      assertThat(xia.next().attribute("type")).isEqualTo("result");
    }
    JsonNode card = adminGet("xia@localhost").data("vcard/getVcard");
    assertThat(card.path("formattedName").asText()).isEqualTo("Xia");
    assertThat(card.path("telephone").toString())
        .isEqualTo("[{\"tags\":[\"WORK\"],\"number\":\"7\"}]");
    assertThat(card.path("photo").toString())
        .isEqualTo(
            "[{\"__typename\":\"ImageData\",\"type\":\"image/jpeg\",\"binValue\":\"/9j/\"}]");
    assertThat(card.at("/agent/0/extValue").asText()).isEqualTo("https://example.org/a.vcf");
    assertThat(card.at("/sound/0/phonetic").asText()).isEqualTo("shee-ah");
    assertThat(card.path("nickname").toString()).isEqualTo("[\"\"]");
    assertThat(card.path("email").isNull()).isTrue();
  }

  @Test
  void aUserSetsOnlyTheirOwnVcardAndReadsAnyones() {
    Response set =
        as("wes")
            .query(
                "mutation($v: VcardInput!) { vcard { setVcard(vcard: $v) { formattedName } } }",
                Map.of("v", json("{\"formattedName\": \"Wes\", \"nickname\": [\"w\"]}")));
    assertThat(set.data("vcard/setVcard/formattedName").asText()).isEqualTo("Wes");
    Response other =
        as("wes")
            .query(
                "mutation { vcard { setVcard(user: \"una@localhost\", vcard: {formattedName:"
                    + " \"Not Una\"}) { formattedName } } }");
    assertThat(other.status()).isEqualTo(400);
    assertThat(
            admin
                .query("{ vcard { getVcard(user: \"una@localhost\") { formattedName } } }")
                .data("vcard/getVcard/formattedName")
                .asText())
        .isNotEqualTo("Not Una");
    Response read =
        as("una")
            .query("{ vcard { getVcard(user: \"wes@localhost\") { formattedName nickname } } }");
    assertThat(read.data("vcard/getVcard").toString())
        .isEqualTo("{\"formattedName\":\"Wes\",\"nickname\":[\"w\"]}");
  }

  @Test
  void inputsTheVcardCannotHoldAreRefusedAndTheStoredVcardStays() {
    adminSet("wes@localhost", json("{\"formattedName\": \"Wes\"}"));
    List<String> refused =
        List.of(
            "{\"photo\": [{\"binValue\": \"AA==\", \"extValue\": \"https://x\"}]}",
            "{\"photo\": [{\"type\": \"image/png\"}]}",
            "{\"logo\": [{\"type\": \"image/png\", \"extValue\": \"https://x\"}]}",
            "{\"sound\": [{}]}",
            "{\"sound\": [{\"phonetic\": \"a\", \"extValue\": \"https://x\"}]}",
            "{\"agent\": [{\"extValue\": \"x\", \"vcard\": {}}]}",
            "{\"label\": [{\"line\": []}]}",
            "{\"formattedName\": \"bell\\u0007\"}",
            "{\"note\": [\"" + "n".repeat(5000) + "\"]}",
            "{\"agent\": ["
                + "{\"vcard\": {\"agent\": [".repeat(9)
                + "{\"extValue\": \"x\"}"
                + "]}}".repeat(9)
                + "]}");
    for (String input : refused) {
      Response r = adminSet("wes@localhost", json(input));
      assertThat(r.errorCode()).as(input).isEqualTo("bad_request");
    }
    assertThat(adminGet("wes@localhost").data("vcard/getVcard/formattedName").asText())
        .isEqualTo("Wes");
    assertThat(
            adminSet(
                    "wes@localhost",
                    json(
                        "{\"agent\": ["
                            + "{\"vcard\": {\"agent\": [".repeat(8)
                            + "{\"extValue\": \"x\"}"
                            + "]}}".repeat(8)
                            + "]}"))
                .body()
                .has("errors"))
        .isFalse();
    assertThat(adminGet("wes@localhost").data("vcard/getVcard/agent").isArray()).isTrue();
  }

  @Test
  void unknownUsersMissingVcardsAndWrongTypesAreErrors() {
    Map<String, Object> card = json("{\"formattedName\": \"Ghost\"}");
    assertThat(adminSet("ghost@localhost", card).errorCode()).isEqualTo("user_does_not_exist");
    assertThat(adminSet("una@elsewhere.org", card).errorCode()).isEqualTo("unknown_domain");
    assertThat(adminSet("not a jid@@", card).status()).isEqualTo(400);
    assertThat(adminGet("ghost@localhost").errorCode()).isEqualTo("user_does_not_exist");
    assertThat(
            as("una")
                .query("{ vcard { getVcard(user: \"ghost@localhost\") { formattedName } } }")
                .errorCode())
        .isEqualTo("user_does_not_exist");
    node.node().users().register(Jid.bare("yan", "localhost"), "yan-Pass-1");
    assertThat(adminGet("yan@localhost").errorCode()).isEqualTo("vcard_not_found");
    for (String input :
        List.of(
            "{\"formattedName\": 42}",
            "{\"telephone\": [{\"tags\": [\"CELL\"]}]}",
            "{\"email\": [{\"tags\": [\"MOBILE\"], \"userId\": \"a@b\"}]}",
            "{\"geo\": [{\"lat\": \"1\"}]}",
            "{\"unknownField\": \"x\"}")) {
      assertThat(adminSet("una@localhost", json(input)).status()).as(input).isEqualTo(400);
    }
    assertThat(admin.query("{ vcard { getVcard(user: 42) { formattedName } } }").status())
        .isEqualTo(400);
    assertThat(admin.query("{ vcard { getVcard(user: \"una@localhost\") } }").status())
        .isEqualTo(400);
  }
}
