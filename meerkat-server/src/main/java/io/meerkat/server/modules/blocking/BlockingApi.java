package io.meerkat.server.modules.blocking;

import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.util.List;

/**
 * Blocklist operations shared by the XMPP handler and the admin/user APIs. Every change is pushed
 * to the user's resources that asked for their blocklist. Blocking: call from virtual threads.
 */
public final class BlockingApi {

  private final Blocklists lists;
  private final BlocklistPushes pushes;

  BlockingApi(Blocklists lists, BlocklistPushes pushes) {
    this.lists = lists;
    this.pushes = pushes;
  }

  /** The JIDs the user blocks, sorted. */
  public List<Jid> getBlocklist(Jid user) {
    return lists.of(user.toBare());
  }

  /** Whether {@code user} blocks stanzas from or to {@code other}. */
  public boolean blocks(Jid user, Jid other) {
    return lists.blocks(user.toBare(), other);
  }

  /** Blocks JIDs (at least one). */
  public void block(Jid user, List<Jid> jids) {
    lists.block(user.toBare(), jids);
    pushes.push(user, items("block", jids));
  }

  /** Unblocks JIDs (at least one). */
  public void unblock(Jid user, List<Jid> jids) {
    lists.unblock(user.toBare(), jids);
    pushes.push(user, items("unblock", jids));
  }

  /** Empties the blocklist. */
  public void unblockAll(Jid user) {
    lists.unblockAll(user.toBare());
    pushes.push(user, XmlElement.empty("unblock", Namespaces.BLOCKING));
  }

  static XmlElement items(String name, List<Jid> jids) {
    XmlElement.Builder b = XmlElement.builder(name, Namespaces.BLOCKING);
    for (Jid jid : jids) {
      b.child(
          XmlElement.builder("item", Namespaces.BLOCKING).attribute("jid", jid.toString()).build());
    }
    return b.build();
  }
}
