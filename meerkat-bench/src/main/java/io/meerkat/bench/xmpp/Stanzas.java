package io.meerkat.bench.xmpp;

import java.nio.charset.StandardCharsets;

/** Stanzas the generator sends, serialised once. */
public final class Stanzas {

  public static final byte[] STARTTLS =
      ascii("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
  public static final byte[] PRESENCE = ascii("<presence/>");
  public static final byte[] STREAM_END = ascii("</stream:stream>");

  /** Marker before the send timestamp in a message body. */
  public static final byte[] STAMP = ascii("<body>t=");

  private Stanzas() {}

  public static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] streamHeader(String domain) {
    return ascii(
        "<?xml version='1.0'?><stream:stream to='"
            + domain
            + "' version='1.0' xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams'>");
  }

  public static byte[] auth(String mechanism, String base64) {
    return ascii(
        "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='"
            + mechanism
            + "'>"
            + base64
            + "</auth>");
  }

  public static byte[] response(String base64) {
    return ascii("<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>" + base64 + "</response>");
  }

  public static byte[] bind(String resource) {
    return ascii(
        "<iq type='set' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>"
            + resource
            + "</resource></bind></iq>");
  }

  public static byte[] register(String domain, String user, String password) {
    return ascii(
        "<iq type='set' id='reg1' to='"
            + domain
            + "'><query xmlns='jabber:iq:register'><username>"
            + user
            + "</username><password>"
            + password
            + "</password></query></iq>");
  }

  /**
   * The part of a chat message before the timestamp digits; {@link #MESSAGE_SUFFIX} follows them.
   */
  public static byte[] messagePrefix(String to) {
    return ascii("<message type='chat' to='" + to + "'><body>t=");
  }

  public static final byte[] MESSAGE_SUFFIX = ascii(" lorem ipsum dolor sit amet</body></message>");
}
