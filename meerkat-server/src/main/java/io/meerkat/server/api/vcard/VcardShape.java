package io.meerkat.server.api.vcard;

import java.util.List;

/**
 * How the GraphQL {@code Vcard}/{@code VcardInput} fields map to the elements of a {@code
 * vcard-temp} vCard (XEP-0054): one table read by both directions, so the two cannot drift apart.
 * Field names are the schema's, element names the XEP's.
 */
final class VcardShape {

  /** How a field's element is built. */
  enum Kind {
    /** The element's text. */
    TEXT,
    /** Empty tag elements followed by text children ({@link Struct}). */
    STRUCT,
    /** {@code Image}: {@code TYPE} and {@code BINVAL}, or {@code EXTVAL}. */
    IMAGE,
    /** {@code Sound}: one of {@code PHONETIC}, {@code BINVAL}, {@code EXTVAL}. */
    SOUND,
    /** {@code Agent}: a nested {@code vCard}, or {@code EXTVAL}. */
    AGENT
  }

  /**
   * A text child of a structured element.
   *
   * @param repeated a GraphQL list of the element's occurrences
   */
  record Part(String name, String element, boolean repeated) {}

  /**
   * The children of a structured element.
   *
   * @param tags the empty elements allowed as {@code tags} (the enum's values), none if empty
   */
  record Struct(List<String> tags, List<Part> parts) {}

  /**
   * A field of {@code Vcard}.
   *
   * @param repeated a GraphQL list of the element's occurrences
   */
  record Field(String name, String element, boolean repeated, Kind kind, Struct struct) {}

  static final List<String> ADDRESS_TAGS =
      List.of("HOME", "WORK", "POSTAL", "PARCEL", "DOM", "INTL", "PREF");
  static final List<String> TELEPHONE_TAGS =
      List.of(
          "HOME", "WORK", "VOICE", "FAX", "PAGER", "MSG", "CELL", "VIDEO", "BBS", "MODEM", "ISDN",
          "PCS", "PREF");
  static final List<String> EMAIL_TAGS = List.of("HOME", "WORK", "INTERNET", "PREF", "X400");
  static final List<String> PRIVACY_TAGS = List.of("PUBLIC", "PRIVATE", "CONFIDENTIAL");

  /** The media parts of PHOTO, LOGO and SOUND. */
  static final Struct MEDIA =
      new Struct(
          List.of(),
          List.of(
              one("type", "TYPE"),
              one("phonetic", "PHONETIC"),
              one("binValue", "BINVAL"),
              one("extValue", "EXTVAL")));

  /** The fields in the order their elements are written. */
  static final List<Field> FIELDS =
      List.of(
          new Field("formattedName", "FN", false, Kind.TEXT, null),
          struct(
              "nameComponents",
              "N",
              false,
              List.of(),
              one("family", "FAMILY"),
              one("givenName", "GIVEN"),
              one("middleName", "MIDDLE"),
              one("prefix", "PREFIX"),
              one("suffix", "SUFFIX")),
          texts("nickname", "NICKNAME"),
          new Field("photo", "PHOTO", true, Kind.IMAGE, MEDIA),
          texts("birthday", "BDAY"),
          struct(
              "address",
              "ADR",
              true,
              ADDRESS_TAGS,
              one("pobox", "POBOX"),
              one("extadd", "EXTADD"),
              one("street", "STREET"),
              one("locality", "LOCALITY"),
              one("region", "REGION"),
              one("pcode", "PCODE"),
              one("country", "CTRY")),
          struct("label", "LABEL", true, ADDRESS_TAGS, many("line", "LINE")),
          struct("telephone", "TEL", true, TELEPHONE_TAGS, one("number", "NUMBER")),
          struct("email", "EMAIL", true, EMAIL_TAGS, one("userId", "USERID")),
          texts("jabberId", "JABBERID"),
          texts("mailer", "MAILER"),
          texts("timeZone", "TZ"),
          struct("geo", "GEO", true, List.of(), one("lat", "LAT"), one("lon", "LON")),
          texts("title", "TITLE"),
          texts("role", "ROLE"),
          new Field("logo", "LOGO", true, Kind.IMAGE, MEDIA),
          new Field(
              "agent",
              "AGENT",
              true,
              Kind.AGENT,
              new Struct(List.of(), List.of(one("extValue", "EXTVAL")))),
          struct(
              "org", "ORG", true, List.of(), one("orgname", "ORGNAME"), many("orgunit", "ORGUNIT")),
          struct("categories", "CATEGORIES", true, List.of(), many("keyword", "KEYWORD")),
          texts("note", "NOTE"),
          texts("prodId", "PRODID"),
          texts("rev", "REV"),
          texts("sortString", "SORT-STRING"),
          new Field("sound", "SOUND", true, Kind.SOUND, MEDIA),
          texts("uid", "UID"),
          texts("url", "URL"),
          texts("desc", "DESC"),
          struct("class", "CLASS", true, PRIVACY_TAGS),
          struct("key", "KEY", true, List.of(), one("type", "TYPE"), one("credential", "CRED")));

  private VcardShape() {}

  private static Part one(String name, String element) {
    return new Part(name, element, false);
  }

  private static Part many(String name, String element) {
    return new Part(name, element, true);
  }

  private static Field texts(String name, String element) {
    return new Field(name, element, true, Kind.TEXT, null);
  }

  private static Field struct(
      String name, String element, boolean repeated, List<String> tags, Part... parts) {
    return new Field(name, element, repeated, Kind.STRUCT, new Struct(tags, List.of(parts)));
  }
}
