package io.meerkat.server.cluster;

import io.meerkat.cets.Codec;
import io.meerkat.cets.rpc.WireReader;
import io.meerkat.cets.rpc.WireWriter;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.server.sm.SessionId;
import io.meerkat.server.storage.StoredXml;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;

/**
 * One row of the replicated session table. The key is {@code <bare
 * JID>/<resource>\0<node>\0<serial>}: it starts with the JID, so a user's sessions are one key
 * range, and it ends with the session id, which names the owning node. Keys of different nodes
 * therefore never collide, so clusters merge without conflicts and a dead node's rows are found by
 * owner.
 *
 * @param ownerIncarnation the incarnation of the owning node's process: a node restarted under the
 *     same name is another owner, and the cleanup after the old one's death spares the new one's
 *     rows
 */
record SessionRecord(String key, SessionEntry entry, long ownerIncarnation) {

  private static final char RESOURCE_END = '\0';

  static SessionRecord of(SessionEntry entry, long ownerIncarnation) {
    return new SessionRecord(key(entry.jid(), entry.id()), entry, ownerIncarnation);
  }

  static String key(Jid full, SessionId id) {
    return prefix(full) + id.node() + RESOURCE_END + id.serial();
  }

  /** Keys of every session of {@code full} start with this (a resource cannot contain NUL). */
  static String prefix(Jid full) {
    return full.toBare() + "/" + full.resource() + RESOURCE_END;
  }

  /** Keys of every session of the user start with this ('/' cannot occur in a bare JID). */
  static String userPrefix(Jid bare) {
    return bare.toBare() + "/";
  }

  /** The smallest string greater than every string starting with {@code prefix}. */
  static String rangeEnd(String prefix) {
    char last = prefix.charAt(prefix.length() - 1);
    return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
  }

  boolean ownedBy(String node, long incarnation) {
    return entry.id().node().equals(node) && ownerIncarnation == incarnation;
  }

  /** The replication encoding. */
  static final Codec<SessionRecord> CODEC =
      new Codec<>() {
        @Override
        public byte[] encode(SessionRecord r) {
          SessionEntry e = r.entry();
          return new WireWriter()
              .writeString(e.jid().toString())
              .writeString(e.id().node())
              .writeLong(e.id().serial())
              .writeInt(e.priority())
              .writeString(e.presence() == null ? "" : StoredXml.write(e.presence()))
              .writeLong(e.connectedAtMillis())
              .writeString(e.info())
              .writeLong(r.ownerIncarnation())
              .toByteArray();
        }

        @Override
        public SessionRecord decode(byte[] bytes) {
          WireReader in = new WireReader(bytes);
          Jid jid = Jid.parse(in.readString());
          SessionId id = new SessionId(in.readString(), in.readLong());
          int priority = in.readInt();
          String presence = in.readString();
          XmlElement parsed = presence.isEmpty() ? null : StoredXml.readOne(presence);
          long connectedAt = in.readLong();
          String info = in.readString();
          SessionEntry entry = new SessionEntry(jid, id, priority, parsed, connectedAt, info);
          return new SessionRecord(key(jid, id), entry, in.readLong());
        }
      };
}
