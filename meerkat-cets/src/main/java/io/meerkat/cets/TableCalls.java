package io.meerkat.cets;

import io.meerkat.cets.rpc.Messenger;
import io.meerkat.cets.rpc.WireWriter;
import io.meerkat.cets.transport.NodeId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Calls on table servers of any node (this one included), as the join coordinator and the status
 * report need them. Failures complete the futures with a {@link
 * io.meerkat.cets.rpc.RemoteCallException} whose reason is {@code noproc}, {@code node_down},
 * {@code unknown_pause_monitor}, {@code ping_all_failed} or {@code ignored}.
 */
public final class TableCalls {

  private final Messenger messenger;

  public TableCalls(Messenger messenger) {
    this.messenger = messenger;
  }

  /** Info of the table's server on {@code node} (start id 0: whichever runs). */
  public CompletableFuture<TableInfo> info(
      NodeId node, String table, long startId, boolean memory) {
    byte[] body = TableProtocol.header(table, startId).writeBoolean(memory).toByteArray();
    return messenger.call(node, TableProtocol.INFO, body).thenApply(TableInfoCodec::decode);
  }

  /** Pauses {@code server}; the pause belongs to this node. */
  public CompletableFuture<Long> pause(String table, ServerId server) {
    return messenger
        .call(server.node(), TableProtocol.PAUSE, header(table, server))
        .thenApply(in -> in.readLong());
  }

  public CompletableFuture<Void> unpause(String table, ServerId server, long token) {
    byte[] body = TableProtocol.header(table, server.startId()).writeLong(token).toByteArray();
    return messenger.call(server.node(), TableProtocol.UNPAUSE, body).thenApply(in -> null);
  }

  public CompletableFuture<Void> pingAll(String table, ServerId server) {
    return messenger
        .call(server.node(), TableProtocol.PING_ALL, header(table, server))
        .thenApply(in -> null);
  }

  public CompletableFuture<List<byte[]>> dump(String table, ServerId server) {
    return messenger
        .call(server.node(), TableProtocol.DUMP, header(table, server))
        .thenApply(TableProtocol::readBlobs);
  }

  /** Delivers a join's dump under the coordinator's pause {@code token}. */
  public CompletableFuture<Void> sendDump(
      String table,
      ServerId server,
      long token,
      long joinRef,
      List<ServerId> newPeers,
      List<byte[]> records) {
    WireWriter body =
        TableProtocol.header(table, server.startId()).writeLong(token).writeLong(joinRef);
    TableProtocol.writeServers(body, newPeers);
    TableProtocol.writeBlobs(body, records);
    return messenger
        .call(server.node(), TableProtocol.SEND_DUMP, body.toByteArray())
        .thenApply(in -> null);
  }

  private static byte[] header(String table, ServerId server) {
    return TableProtocol.header(table, server.startId()).toByteArray();
  }
}
