package io.meerkat.server.hooks;

import io.meerkat.server.sm.SessionEntry;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import java.util.List;

/**
 * The catalogue of typed hooks. Each field is one extension point with one documented entry point
 * in the server; modules register handlers on the fields they need.
 */
public final class Hooks {

  /** A session was bound (after resource conflicts were resolved). Accumulator unused. */
  public final Hook<SessionEvent, Void> sessionOpened = new Hook<>("session_opened");

  /** A session ended, cleanly or not. Accumulator unused. */
  public final Hook<SessionEvent, Void> sessionClosed = new Hook<>("session_closed");

  /**
   * A session of another node was removed because that node died or was cut off: the survivors act
   * for the lost session (unavailable presence to its contacts, last activity). Runs on one
   * surviving node only. Accumulator unused.
   */
  public final Hook<SessionEvent, Void> sessionCleanup = new Hook<>("session_cleanup");

  /** An account was created. Accumulator unused. */
  public final Hook<Jid, Void> userRegistered = new Hook<>("register_user");

  /** An account was removed: modules delete the user's data. Accumulator unused. */
  public final Hook<Jid, Void> userRemoved = new Hook<>("remove_user");

  /**
   * A client sent a stanza (from stamped), before routing. The accumulator is the stanza to route;
   * a handler returns {@code null} to drop it (having answered the sender itself if needed).
   */
  public final Hook<StanzaEvent, XmlElement> userSendPacket = new Hook<>("user_send_packet");

  /**
   * A stanza is about to be written to a client session. The accumulator is the stanza to write;
   * {@code null} drops it (for example, blocked senders).
   */
  public final Hook<Delivery, XmlElement> userReceivePacket = new Hook<>("user_receive_packet");

  /**
   * A message for a local user could not be delivered to any session. The accumulator says whether
   * someone took responsibility (stored it offline); if nobody did, the sender gets {@code
   * service-unavailable}.
   */
  public final Hook<StanzaEvent, Boolean> offlineMessage = new Hook<>("offline_message");

  /**
   * A message for an unavailable user was written to offline storage (it was not discarded by
   * policy nor refused for a full quota). Accumulator unused.
   */
  public final Hook<StanzaEvent, Void> offlineMessageStored = new Hook<>("offline_message_stored");

  /**
   * A session changed its own availability (presence without {@code to}); the session table is
   * already updated. The presence logic broadcasts it. Accumulator unused.
   */
  public final Hook<PresenceUpdate, Void> presenceUpdate = new Hook<>("user_presence_update");

  /**
   * Presence addressed to a local user, before it is delivered. The accumulator says whether a
   * handler took care of it (subscription management, probes); if none did, available and
   * unavailable presence is delivered (to the addressed resource, or to every available resource
   * for a bare JID), presence errors reach an addressed resource, and anything else is dropped.
   */
  public final Hook<StanzaEvent, Boolean> inboundPresence = new Hook<>("inbound_presence");

  /**
   * A session became available for the first time (its initial presence). Modules deliver what
   * waited for it: subscription requests, offline messages. Accumulator unused.
   */
  public final Hook<SessionEntry, Void> initialPresence = new Hook<>("initial_presence");

  /** Stream features offered after authentication; handlers append to the list. */
  public final Hook<SessionEntry, List<XmlElement>> streamFeatures =
      new Hook<>("c2s_stream_features");

  /** A stanza reaching a session, and the session it reaches. */
  public record Delivery(SessionEntry session, XmlElement stanza) {}
}
