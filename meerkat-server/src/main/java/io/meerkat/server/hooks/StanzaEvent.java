package io.meerkat.server.hooks;

import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;

/** A stanza on its way: sender, recipient and the stanza (with {@code from} already stamped). */
public record StanzaEvent(Jid from, Jid to, XmlElement stanza) {}
