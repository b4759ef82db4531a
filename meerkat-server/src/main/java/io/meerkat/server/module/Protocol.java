package io.meerkat.server.module;

/**
 * A specification a module implements, for the generated list of supported standards.
 *
 * @param id {@code XEP-0077} or {@code RFC 6121}
 * @param title its name
 * @param version the version implemented
 * @param notes what is partial or deliberately left out, empty when complete
 */
public record Protocol(String id, String title, String version, String notes) {

  public static Protocol xep(int number, String title, String version) {
    return new Protocol(String.format("XEP-%04d", number), title, version, "");
  }

  public static Protocol rfc(int number, String title) {
    return new Protocol("RFC " + number, title, "", "");
  }

  public Protocol withNotes(String text) {
    return new Protocol(id, title, version, text);
  }
}
