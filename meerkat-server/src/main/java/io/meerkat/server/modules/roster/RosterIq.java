package io.meerkat.server.modules.roster;

import io.meerkat.server.roster.RosterException;
import io.meerkat.server.roster.RosterItem;
import io.meerkat.server.roster.RosterPushes;
import io.meerkat.server.roster.RosterService;
import io.meerkat.server.router.IqHandler;
import io.meerkat.server.sm.SessionManager;
import io.meerkat.server.storage.DatabaseException;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.IqType;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.Stanza;
import io.meerkat.xmpp.StanzaError;
import io.meerkat.xmpp.StanzaError.Condition;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code jabber:iq:roster} IQs of RFC 6121 §2: roster get (with XEP-0237 versions when enabled)
 * and roster set (add, update, remove). Only the account itself may read or change its roster.
 */
final class RosterIq implements IqHandler {

  private static final Logger LOG = LoggerFactory.getLogger(RosterIq.class);

  private final RosterService roster;
  private final RosterPushes pushes;
  private final SessionManager sessions;

  RosterIq(RosterService roster, RosterPushes pushes, SessionManager sessions) {
    this.roster = roster;
    this.pushes = pushes;
    this.sessions = sessions;
  }

  @Override
  public XmlElement handle(Jid from, Jid to, XmlElement iq) {
    if (!to.equals(from.toBare())) {
      return error(iq, Condition.FORBIDDEN, "Only the account itself may use its roster");
    }
    XmlElement query = iq.firstElement();
    if (!query.is("query", Namespaces.ROSTER)) {
      return error(iq, Condition.BAD_REQUEST, "Expected a roster query");
    }
    try {
      return IqType.parse(Stanza.type(iq)) == IqType.GET
          ? get(from, iq, query)
          : set(from.toBare(), iq, query);
    } catch (DatabaseException e) {
      LOG.error("Roster request of {} failed", from, e);
      return error(iq, Condition.INTERNAL_SERVER_ERROR, "The roster is not available right now");
    }
  }

  private XmlElement get(Jid from, XmlElement iq, XmlElement query) {
    sessions.session(from).ifPresent(s -> pushes.interested(s.id()));
    Jid user = from.toBare();
    String version = null;
    if (pushes.versioning()) {
      version = Long.toString(roster.version(user));
      if (version.equals(query.attribute("ver"))) {
        // XEP-0237 §2.3: the client's copy is current; changes from now on come as pushes.
        return Stanza.iqResult(iq, null);
      }
    }
    XmlElement.Builder result =
        XmlElement.builder("query", Namespaces.ROSTER).attribute("ver", version);
    for (RosterItem item : roster.items(user)) {
      result.child(item.toElement());
    }
    return Stanza.iqResult(iq, result.build());
  }

  private XmlElement set(Jid user, XmlElement iq, XmlElement query) {
    List<XmlElement> items =
        query.elements().stream().filter(e -> e.is("item", Namespaces.ROSTER)).toList();
    if (items.size() != 1 || query.elements().size() != 1) {
      return error(iq, Condition.BAD_REQUEST, "A roster set holds exactly one item");
    }
    XmlElement item = items.get(0);
    Jid contact = Jid.parseOrNull(item.attribute("jid"));
    if (contact == null) {
      return error(iq, Condition.BAD_REQUEST, "The item needs a valid 'jid'");
    }
    try {
      // §2.1.2.5: any subscription value other than "remove" is ignored, as are 'ask' and
      // 'approved' (subscription state changes only through presence stanzas).
      if ("remove".equals(item.attribute("subscription"))) {
        if (!roster.removeItem(user, contact)) {
          return error(iq, Condition.ITEM_NOT_FOUND, "Not in the roster");
        }
      } else {
        List<String> groups = new ArrayList<>();
        for (XmlElement group : item.elements()) {
          if (group.is("group", Namespaces.ROSTER)) {
            groups.add(group.text());
          }
        }
        roster.setItem(user, contact, item.attribute("name"), groups);
      }
    } catch (RosterException e) {
      return Stanza.errorReply(iq, e.toStanzaError());
    }
    return Stanza.iqResult(iq, null);
  }

  private static XmlElement error(XmlElement iq, Condition condition, String text) {
    return Stanza.errorReply(iq, StanzaError.of(condition, text));
  }
}
