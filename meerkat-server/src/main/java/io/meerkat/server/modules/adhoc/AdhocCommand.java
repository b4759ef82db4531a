package io.meerkat.server.modules.adhoc;

import io.meerkat.server.modules.forms.DataForm;
import io.meerkat.xmpp.Jid;

/**
 * One XEP-0050 command of the server: either single-stage ({@link #start} completes) or with one
 * form ({@link #start} returns the form, {@link #submit} completes). Runs on the requester's
 * session thread and may block.
 */
public interface AdhocCommand {

  /** The command's node, unique on the server. */
  String node();

  /** Its human-readable name (disco#items). */
  String name();

  /** Whether {@code requester} may see and run it on {@code server}. */
  boolean allowed(Jid requester, Jid server);

  /** The first stage: a form to fill in, or the completed result. */
  CommandStep start(Jid requester, Jid server);

  /** The submitted form of a command whose {@link #start} returned a form. */
  default CommandStep submit(Jid requester, Jid server, DataForm form) {
    throw new IllegalStateException(node() + " has no form");
  }
}
