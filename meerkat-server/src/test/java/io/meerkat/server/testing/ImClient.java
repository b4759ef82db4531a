package io.meerkat.server.testing;

import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Namespaces;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A logged-in {@link RawClient} for instant-messaging tests, where presence and roster pushes
 * arrive interleaved: stanzas are picked by what they are, not by their order, and {@link #sync}
 * tells when everything sent to this session so far has arrived.
 */
public final class ImClient implements AutoCloseable {

  private final RawClient raw;
  private final String jid;
  private final List<XmlElement> unread = new ArrayList<>();
  private int serial;

  private ImClient(RawClient raw, String jid) {
    this.raw = raw;
    this.jid = jid;
  }

  /**
   * Logs in {@code user} (password {@code user + "-pw"}) with {@code resource} over STARTTLS, on
   * the listener with the default negotiation timeout (the first one's is short on purpose).
   */
  public static ImClient login(TestNode node, String user, String resource) throws IOException {
    RawClient raw = RawClient.loggedIn(node.optionalTlsPort(), user, user + "-pw", resource);
    return new ImClient(raw, user + "@" + TestNode.DOMAIN + "/" + resource);
  }

  public String jid() {
    return jid;
  }

  public String bare() {
    return jid.substring(0, jid.indexOf('/'));
  }

  public void send(String xml) throws IOException {
    raw.send(xml);
  }

  /** The first stanza (already received or arriving within 10 s) that matches; others are kept. */
  public XmlElement expect(Predicate<XmlElement> match) throws IOException {
    for (Iterator<XmlElement> it = unread.iterator(); it.hasNext(); ) {
      XmlElement e = it.next();
      if (match.test(e)) {
        it.remove();
        return e;
      }
    }
    while (true) {
      XmlElement e = raw.next();
      if (match.test(e)) {
        return e;
      }
      unread.add(e);
    }
  }

  /** Sends an IQ (its {@code id} is set here) and returns the answer. */
  public XmlElement iq(String type, String to, String payload) throws IOException {
    String id = "iq-" + ++serial;
    raw.send(
        "<iq type='"
            + type
            + "' id='"
            + id
            + "'"
            + (to == null ? "" : " to='" + to + "'")
            + ">"
            + payload
            + "</iq>");
    return expect(e -> e.name().equals("iq") && id.equals(e.attribute("id")));
  }

  /**
   * Waits until the server has handled everything this client sent, and everything other sessions
   * routed to it before; then returns (and forgets) every stanza not yet picked.
   */
  public List<XmlElement> sync() throws IOException {
    iq("get", null, "<ping xmlns='" + Namespaces.PING + "'/>");
    List<XmlElement> result = List.copyOf(unread);
    unread.clear();
    return result;
  }

  /** The roster, asking for it (which makes this session receive roster pushes). */
  public XmlElement roster() throws IOException {
    return iq("get", null, "<query xmlns='jabber:iq:roster'/>");
  }

  /** Answers a roster push and returns its item. */
  public XmlElement expectPush() throws IOException {
    XmlElement push =
        expect(
            e ->
                e.name().equals("iq")
                    && "set".equals(e.attribute("type"))
                    && e.child("query", Namespaces.ROSTER) != null);
    raw.send("<iq type='result' id='" + push.attribute("id") + "'/>");
    return push.child("query", Namespaces.ROSTER).child("item", Namespaces.ROSTER);
  }

  /** The next presence from {@code from} (bare or full JID, or a prefix such as the bare JID). */
  public XmlElement expectPresence(String from, String type) throws IOException {
    return expect(
        e ->
            e.name().equals("presence")
                && e.attribute("from") != null
                && e.attribute("from").startsWith(from)
                && java.util.Objects.equals(type, e.attribute("type")));
  }

  public RawClient raw() {
    return raw;
  }

  @Override
  public void close() throws IOException {
    raw.close();
  }
}
