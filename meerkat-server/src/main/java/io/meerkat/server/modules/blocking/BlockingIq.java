package io.meerkat.server.modules.blocking;

import io.meerkat.server.sm.SessionManager;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.IqType;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.Stanza;
import io.meerkat.xmpp.StanzaError;
import io.meerkat.xmpp.StanzaError.Condition;
import java.util.ArrayList;
import java.util.List;

/** The XEP-0191 requests: retrieve the blocklist, block, unblock, unblock all. */
final class BlockingIq {

  private final BlockingApi api;
  private final BlocklistPushes pushes;
  private final SessionManager sessions;

  BlockingIq(BlockingApi api, BlocklistPushes pushes, SessionManager sessions) {
    this.api = api;
    this.pushes = pushes;
    this.sessions = sessions;
  }

  XmlElement handle(Jid from, Jid to, XmlElement iq) {
    if (!to.equals(from.toBare())) {
      return error(iq, Condition.FORBIDDEN, "A blocklist belongs to its owner alone");
    }
    XmlElement payload = iq.firstElement();
    IqType type = IqType.parse(Stanza.type(iq));
    if (type == IqType.GET && payload.is("blocklist", Namespaces.BLOCKING)) {
      sessions.session(from).ifPresent(pushes::subscribe);
      return Stanza.iqResult(iq, BlockingApi.items("blocklist", api.getBlocklist(from)));
    }
    boolean block = payload.is("block", Namespaces.BLOCKING);
    if (type != IqType.SET || !(block || payload.is("unblock", Namespaces.BLOCKING))) {
      return error(iq, Condition.BAD_REQUEST, "Expected blocklist, block or unblock");
    }
    List<Jid> jids = new ArrayList<>();
    for (XmlElement item : payload.elements()) {
      Jid jid =
          item.is("item", Namespaces.BLOCKING) ? Jid.parseOrNull(item.attribute("jid")) : null;
      if (jid == null) {
        return error(iq, Condition.BAD_REQUEST, "Each item needs a valid 'jid'");
      }
      if (!jids.contains(jid)) {
        jids.add(jid);
      }
    }
    if (block && jids.isEmpty()) {
      return error(iq, Condition.BAD_REQUEST, "Name at least one JID to block");
    }
    if (block) {
      api.block(from, jids);
    } else if (jids.isEmpty()) {
      api.unblockAll(from);
    } else {
      api.unblock(from, jids);
    }
    return Stanza.iqResult(iq, null);
  }

  private static XmlElement error(XmlElement iq, Condition condition, String text) {
    return Stanza.errorReply(iq, StanzaError.of(condition, text));
  }
}
