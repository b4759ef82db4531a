package io.meerkat.server.c2s;

import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Namespaces;

/**
 * Which client elements may be followed by a new stream (SASL exchanges, STARTTLS). The parser
 * pauses after them until the session decides whether to restart, so bytes of the next stream are
 * never parsed as part of the old one.
 */
public final class StreamRestarts {
  private StreamRestarts() {}

  public static boolean pausesParser(XmlElement e) {
    return (e.namespace().equals(Namespaces.SASL)
            && (e.name().equals("auth") || e.name().equals("response")))
        || e.is("starttls", Namespaces.TLS);
  }
}
