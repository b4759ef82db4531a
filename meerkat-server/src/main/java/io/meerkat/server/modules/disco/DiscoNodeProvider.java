package io.meerkat.server.modules.disco;

import io.meerkat.xmpp.Jid;
import java.util.List;
import java.util.Optional;

/**
 * A module that answers service discovery for nodes of the server (ad-hoc commands do). The disco
 * module asks every enabled module implementing this, in catalog order; the first that knows the
 * node answers.
 */
public interface DiscoNodeProvider {

  /**
   * The info of {@code node} on the server {@code server} as seen by {@code requester}, or empty
   * when the node is not this provider's (or not visible to the requester).
   */
  Optional<DiscoInfo> nodeInfo(Jid requester, Jid server, String node);

  /** The items of {@code node}, or empty when the node is not this provider's. */
  Optional<List<DiscoItem>> nodeItems(Jid requester, Jid server, String node);
}
