package io.meerkat.xmpp;

/** XML namespaces of RFC 6120/6121 and the XEPs Meerkat implements. */
public final class Namespaces {
  private Namespaces() {}

  public static final String CLIENT = "jabber:client";
  public static final String SERVER = "jabber:server";
  public static final String STREAMS = "http://etherx.jabber.org/streams";
  public static final String STREAM_ERRORS = "urn:ietf:params:xml:ns:xmpp-streams";
  public static final String STANZA_ERRORS = "urn:ietf:params:xml:ns:xmpp-stanzas";
  public static final String TLS = "urn:ietf:params:xml:ns:xmpp-tls";
  public static final String SASL = "urn:ietf:params:xml:ns:xmpp-sasl";
  public static final String BIND = "urn:ietf:params:xml:ns:xmpp-bind";
  public static final String SESSION = "urn:ietf:params:xml:ns:xmpp-session";
  public static final String SASL_CHANNEL_BINDING = "urn:xmpp:sasl-cb:0";
  public static final String XML = "http://www.w3.org/XML/1998/namespace";

  public static final String ROSTER = "jabber:iq:roster";
  public static final String ROSTER_VERSIONING = "urn:xmpp:features:rosterver";
  public static final String PRESENCE_PREAPPROVAL = "urn:xmpp:features:pre-approval";
  public static final String REGISTER = "jabber:iq:register";
  public static final String REGISTER_FEATURE = "http://jabber.org/features/iq-register";
  public static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
  public static final String DISCO_ITEMS = "http://jabber.org/protocol/disco#items";
  public static final String CAPS = "http://jabber.org/protocol/caps";
  public static final String PING = "urn:xmpp:ping";
  public static final String VERSION = "jabber:iq:version";
  public static final String TIME = "urn:xmpp:time";
  public static final String LAST = "jabber:iq:last";
  public static final String VCARD = "vcard-temp";
  public static final String PRIVATE = "jabber:iq:private";
  public static final String BLOCKING = "urn:xmpp:blocking";
  public static final String BLOCKING_ERRORS = "urn:xmpp:blocking:errors";
  public static final String DELAY = "urn:xmpp:delay";
  public static final String OFFLINE = "http://jabber.org/protocol/offline";
  public static final String MSGOFFLINE = "msgoffline";
  public static final String ADHOC = "http://jabber.org/protocol/commands";
  public static final String DATA_FORMS = "jabber:x:data";
  public static final String ADMIN = "http://jabber.org/protocol/admin";
  public static final String CHATSTATES = "http://jabber.org/protocol/chatstates";
  public static final String HINTS = "urn:xmpp:hints";
  public static final String SERVER_INFO = "http://jabber.org/network/serverinfo";
}
