package io.meerkat.server.sm;

import io.meerkat.server.hooks.Hooks;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Stanza;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions that asked for one kind of server push (roster pushes, blocklist pushes). Interest
 * is known only on the node that owns the session, so a push is routed to every session of the user
 * and dropped where the session lives if that session did not ask: register {@link #filter} on the
 * receive hook.
 */
public final class ServerPushes {

  private final String namespace;
  private final Set<SessionId> interested = ConcurrentHashMap.newKeySet();

  /** Pushes whose payload is in {@code namespace}. */
  public ServerPushes(String namespace) {
    this.namespace = namespace;
  }

  public void interested(SessionId session) {
    interested.add(session);
  }

  public boolean isInterested(SessionId session) {
    return interested.contains(session);
  }

  public void forget(SessionId session) {
    interested.remove(session);
  }

  /**
   * Whether a push should be sent towards {@code session}: always for another node's session (that
   * node decides), for this node's only if it asked.
   */
  public boolean worthSending(SessionManager sessions, SessionEntry session) {
    return !sessions.isLocal(session) || interested.contains(session.id());
  }

  /** The receive-hook filter: drops this kind of push to a local session that did not ask. */
  public XmlElement filter(XmlElement stanza, Hooks.Delivery delivery) {
    if (stanza == null
        || interested.contains(delivery.session().id())
        || !isPush(delivery.session(), stanza)) {
      return stanza;
    }
    return null;
  }

  /**
   * A push is an IQ set from the user's bare JID: the server acting for the account. A client's own
   * IQs always carry its full JID, so a client cannot make its stanzas look like one.
   */
  private boolean isPush(SessionEntry session, XmlElement stanza) {
    if (Stanza.kind(stanza) != Stanza.Kind.IQ || !"set".equals(Stanza.type(stanza))) {
      return false;
    }
    XmlElement payload = stanza.firstElement();
    return payload != null
        && namespace.equals(payload.namespace())
        && session.jid().toBare().toString().equals(stanza.attribute("from"));
  }
}
