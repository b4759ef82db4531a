package io.meerkat.bench.xmpp;

/** What a scenario hears from its clients; called on the client's event loop. */
public interface ClientListener {

  /** The session is bound and its initial presence sent. */
  default void ready(XmppClient client) {}

  /** In-band registration finished; {@code created} is false when the account already existed. */
  default void registered(XmppClient client, boolean created) {}

  /** A message stanza arrived. */
  default void message(XmppClient client, Frame message) {}

  /** The login or registration failed, or the stream broke before the client closed it. */
  default void failed(XmppClient client, String reason) {}

  /** The connection is closed (after ready, failed or a deliberate close). */
  default void closed(XmppClient client) {}
}
