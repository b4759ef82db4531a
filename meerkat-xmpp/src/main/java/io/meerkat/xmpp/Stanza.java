package io.meerkat.xmpp;

import io.meerkat.xml.XmlElement;
import io.meerkat.xml.XmlNode;
import java.util.ArrayList;
import java.util.List;

/** Helpers to read and answer stanzas held as {@link XmlElement}s. */
public final class Stanza {
  private Stanza() {}

  /** The three stanza kinds (RFC 6120 §8) and everything else (nonzas). */
  public enum Kind {
    MESSAGE,
    PRESENCE,
    IQ,
    OTHER
  }

  /** The kind of a top-level element in the client or server namespace. */
  public static Kind kind(XmlElement element) {
    String ns = element.namespace();
    if (!ns.equals(Namespaces.CLIENT) && !ns.equals(Namespaces.SERVER)) {
      return Kind.OTHER;
    }
    return switch (element.name()) {
      case "message" -> Kind.MESSAGE;
      case "presence" -> Kind.PRESENCE;
      case "iq" -> Kind.IQ;
      default -> Kind.OTHER;
    };
  }

  public static boolean isStanza(XmlElement element) {
    return kind(element) != Kind.OTHER;
  }

  public static String id(XmlElement stanza) {
    return stanza.attribute("id");
  }

  public static String type(XmlElement stanza) {
    return stanza.attribute("type");
  }

  /** True for {@code type='error'}: such stanzas are never answered with an error. */
  public static boolean isError(XmlElement stanza) {
    return "error".equals(stanza.attribute("type"));
  }

  /**
   * The {@code to} address.
   *
   * @return {@code null} when absent
   * @throws InvalidJidException when present but malformed
   */
  public static Jid to(XmlElement stanza) {
    String to = stanza.attribute("to");
    return to == null ? null : Jid.parse(to);
  }

  /** The {@code from} address, {@code null} when absent; throws when malformed. */
  public static Jid from(XmlElement stanza) {
    String from = stanza.attribute("from");
    return from == null ? null : Jid.parse(from);
  }

  /** A copy addressed from {@code from} to {@code to} ({@code null} removes the attribute). */
  public static XmlElement address(XmlElement stanza, Jid from, Jid to) {
    XmlElement e =
        from == null
            ? stanza.withoutAttribute("from")
            : stanza.withAttribute("from", from.toString());
    return to == null ? e.withoutAttribute("to") : e.withAttribute("to", to.toString());
  }

  /**
   * The error reply to a stanza (RFC 6120 §8.3.1): same kind and id, {@code type='error'},
   * addresses swapped, the original payload kept (for IQs only the first child, which names the
   * request) and the error appended.
   */
  public static XmlElement errorReply(XmlElement stanza, StanzaError error) {
    XmlElement.Builder b = XmlElement.builder(stanza.name(), stanza.namespace());
    b.attribute("id", stanza.attribute("id"));
    b.attribute("type", "error");
    b.attribute("from", stanza.attribute("to"));
    b.attribute("to", stanza.attribute("from"));
    b.attribute("xml:lang", stanza.attribute("xml:lang"));
    if (kind(stanza) == Kind.IQ) {
      XmlElement request = stanza.firstElement();
      if (request != null) {
        b.child(request);
      }
    } else {
      for (XmlNode child : stanza.children()) {
        if (!(child instanceof XmlElement e && e.name().equals("error"))) {
          b.child(child);
        }
      }
    }
    b.child(error.toElement(stanza.namespace()));
    return b.build();
  }

  /** An IQ result to {@code request} with an optional payload, addressed back to the sender. */
  public static XmlElement iqResult(XmlElement request, XmlElement payload) {
    XmlElement.Builder b =
        XmlElement.builder("iq", request.namespace())
            .attribute("id", request.attribute("id"))
            .attribute("type", "result")
            .attribute("from", request.attribute("to"))
            .attribute("to", request.attribute("from"));
    if (payload != null) {
      b.child(payload);
    }
    return b.build();
  }

  /** The child elements of {@code stanza} excluding any {@code <error/>}. */
  public static List<XmlElement> payload(XmlElement stanza) {
    List<XmlElement> result = new ArrayList<>();
    for (XmlElement e : stanza.elements()) {
      if (!e.name().equals("error")) {
        result.add(e);
      }
    }
    return result;
  }
}
