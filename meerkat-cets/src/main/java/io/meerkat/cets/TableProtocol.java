package io.meerkat.cets;

import io.meerkat.cets.rpc.WireReader;
import io.meerkat.cets.rpc.WireWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Names and bodies of the replication messages. Every body starts with the table name and the
 * target server's start id (0 = whichever server currently runs the table); a message for a server
 * that is gone is answered with {@code noproc} (requests) or a {@link #DOWN} (casts).
 */
final class TableProtocol {

  /** Cast: a replicated op (sender, request id, join ref, op). */
  static final String OP = "cets.op";

  /** Cast: a replica applied (or dropped) a request. */
  static final String ACK = "cets.ack";

  /** Cast: the sender unpaused; the receiver compares join refs. */
  static final String CHECK = "cets.check";

  /** Cast: the named server is gone (stopped, or disowns the receiver). */
  static final String DOWN = "cets.down";

  /** Cast: the sender lost its link to a peer (sender, lost server, sender's join ref). */
  static final String LOST = "cets.lost";

  /** Request: a client operation (used for leader ops and remote writers). */
  static final String CALL = "cets.call";

  static final String INFO = "cets.info";
  static final String PAUSE = "cets.pause";
  static final String UNPAUSE = "cets.unpause";
  static final String PING = "cets.ping";
  static final String PING_ALL = "cets.pingAll";
  static final String DUMP = "cets.dump";
  static final String SEND_DUMP = "cets.sendDump";

  private TableProtocol() {}

  static WireWriter header(String table, long targetStartId) {
    return new WireWriter().writeString(table).writeLong(targetStartId);
  }

  static void writeServer(WireWriter out, ServerId server) {
    out.writeNode(server.node()).writeLong(server.startId());
  }

  static ServerId readServer(WireReader in) {
    return new ServerId(in.readNode(), in.readLong());
  }

  static void writeServers(WireWriter out, List<ServerId> servers) {
    out.writeInt(servers.size());
    servers.forEach(s -> writeServer(out, s));
  }

  static List<ServerId> readServers(WireReader in) {
    int count = in.readInt();
    List<ServerId> servers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      servers.add(readServer(in));
    }
    return servers;
  }

  static void writeBlobs(WireWriter out, List<byte[]> blobs) {
    out.writeInt(blobs.size());
    blobs.forEach(out::writeBytes);
  }

  static List<byte[]> readBlobs(WireReader in) {
    int count = in.readInt();
    List<byte[]> blobs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      blobs.add(in.readBytes());
    }
    return blobs;
  }
}
