package io.meerkat.cets;

import io.meerkat.cets.rpc.Messenger;
import io.meerkat.cets.rpc.WireReader;
import io.meerkat.cets.rpc.WireWriter;
import io.meerkat.cets.transport.NodeId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The table servers of one node, reachable by name from other nodes. Decodes the {@link
 * TableProtocol} messages and hands them to the right server's mailbox in arrival order.
 */
final class TableRegistry {

  private final Map<String, TableServer<?, ?>> servers = new ConcurrentHashMap<>();
  private final Messenger messenger;

  TableRegistry(Messenger messenger) {
    this.messenger = messenger;
    messenger.register(TableProtocol.OP, this::onOp);
    messenger.register(TableProtocol.ACK, (from, in, reply) -> onAck(in));
    messenger.register(TableProtocol.CHECK, (from, in, reply) -> onCheck(in));
    messenger.register(TableProtocol.DOWN, (from, in, reply) -> onDown(in));
    messenger.register(TableProtocol.LOST, (from, in, reply) -> onLost(in));
    messenger.register(TableProtocol.CALL, this::onCall);
    messenger.register(TableProtocol.INFO, (from, in, reply) -> onInfo(in, reply));
    messenger.register(TableProtocol.PAUSE, this::onPause);
    messenger.register(
        TableProtocol.UNPAUSE,
        (from, in, reply) ->
            request(
                in,
                reply,
                (server, body) -> server.unpause(body.readLong()),
                ok -> ok ? new byte[0] : null,
                "unknown_pause_monitor"));
    messenger.register(
        TableProtocol.PING,
        (from, in, reply) ->
            request(in, reply, (server, body) -> server.ping(), v -> new byte[0], null));
    messenger.register(
        TableProtocol.PING_ALL,
        (from, in, reply) ->
            request(
                in,
                reply,
                (server, body) -> server.pingAll(),
                failures -> failures.isEmpty() ? new byte[0] : null,
                "ping_all_failed"));
    messenger.register(
        TableProtocol.DUMP,
        (from, in, reply) ->
            request(
                in,
                reply,
                (server, body) -> server.dump(),
                records -> {
                  WireWriter out = new WireWriter();
                  TableProtocol.writeBlobs(out, records);
                  return out.toByteArray();
                },
                null));
    messenger.register(TableProtocol.SEND_DUMP, this::onSendDump);
  }

  void add(TableServer<?, ?> server) {
    String name = server.options().name();
    if (servers.putIfAbsent(name, server) != null) {
      throw new CetsException("already_started", "table " + name + " already runs on this node");
    }
  }

  void remove(TableServer<?, ?> server) {
    servers.remove(server.options().name(), server);
  }

  TableServer<?, ?> get(String name) {
    return servers.get(name);
  }

  List<String> names() {
    return servers.keySet().stream().sorted().toList();
  }

  /** Fans a link loss out to every table server (peers on that node, pauses it owned). */
  void nodeDown(NodeId node, String reason) {
    servers.values().forEach(server -> server.nodeDown(node, reason));
  }

  /** Finds the server a message targets; start id 0 matches whichever server runs the table. */
  private TableServer<?, ?> target(WireReader in) {
    String table = in.readString();
    long startId = in.readLong();
    TableServer<?, ?> server = servers.get(table);
    if (server == null || server.isStopped()) {
      return null;
    }
    return startId == 0 || server.self().startId() == startId ? server : null;
  }

  private void onOp(NodeId from, WireReader in, Messenger.Reply reply) {
    String table = in.readString();
    long startId = in.readLong();
    ServerId sender = TableProtocol.readServer(in);
    long requestId = in.readLong();
    long ref = in.readLong();
    byte[] op = in.readBytes();
    TableServer<?, ?> server = servers.get(table);
    if (server == null || server.isStopped() || server.self().startId() != startId) {
      // The replica the sender knows is gone: tell it, as a process monitor would.
      WireWriter body = TableProtocol.header(table, sender.startId());
      TableProtocol.writeServer(body, new ServerId(messenger.localNode(), startId));
      body.writeString("noproc");
      messenger.cast(from, TableProtocol.DOWN, body.toByteArray());
      return;
    }
    server.remoteOp(sender, requestId, ref, op);
  }

  private void onAck(WireReader in) {
    TableServer<?, ?> server = target(in);
    long requestId = in.readLong();
    ServerId acker = TableProtocol.readServer(in);
    if (server != null) {
      server.ack(requestId, acker);
    }
  }

  private void onCheck(WireReader in) {
    TableServer<?, ?> server = target(in);
    ServerId sender = TableProtocol.readServer(in);
    long ref = in.readLong();
    if (server != null) {
      server.checkServer(sender, ref);
    }
  }

  private void onDown(WireReader in) {
    TableServer<?, ?> server = target(in);
    ServerId gone = TableProtocol.readServer(in);
    String reason = in.readString();
    if (server != null) {
      server.serverGone(gone, reason);
    }
  }

  private void onLost(WireReader in) {
    TableServer<?, ?> server = target(in);
    ServerId sender = TableProtocol.readServer(in);
    ServerId lost = TableProtocol.readServer(in);
    long ref = in.readLong();
    if (server != null) {
      server.peerLost(sender, lost, ref);
    }
  }

  private void onCall(NodeId from, WireReader in, Messenger.Reply reply) {
    TableServer<?, ?> server = target(in);
    if (server == null) {
      reply.error("noproc");
      return;
    }
    callEncoded(server, in.readBytes(), reply);
  }

  private static <K, R> void callEncoded(
      TableServer<K, R> server, byte[] op, Messenger.Reply reply) {
    TableOptions<K, R> options = server.options();
    server
        .call(Op.decode(options, op))
        .whenComplete(
            (result, error) -> {
              if (error != null) {
                reply.error("noproc");
              } else {
                reply.ok(OpResults.encode(options, result));
              }
            });
  }

  private void onInfo(WireReader in, Messenger.Reply reply) {
    TableServer<?, ?> server = target(in);
    if (server == null) {
      reply.error("noproc");
      return;
    }
    boolean withMemory = in.readBoolean();
    server
        .info(withMemory)
        .whenComplete(
            (info, error) -> {
              if (error != null) {
                reply.error("noproc");
              } else {
                reply.ok(TableInfoCodec.encode(info));
              }
            });
  }

  private void onPause(NodeId from, WireReader in, Messenger.Reply reply) {
    TableServer<?, ?> server = target(in);
    if (server == null) {
      reply.error("noproc");
      return;
    }
    // The pause belongs to the calling node: it is released if that node goes down.
    server
        .pause(from)
        .whenComplete(
            (token, error) -> {
              if (error != null) {
                reply.error("noproc");
              } else {
                reply.ok(new WireWriter().writeLong(token).toByteArray());
              }
            });
  }

  private void onSendDump(NodeId from, WireReader in, Messenger.Reply reply) {
    TableServer<?, ?> server = target(in);
    if (server == null) {
      reply.error("noproc");
      return;
    }
    long token = in.readLong();
    long ref = in.readLong();
    List<ServerId> peers = TableProtocol.readServers(in);
    List<byte[]> records = TableProtocol.readBlobs(in);
    server
        .sendDump(token, ref, peers, records)
        .whenComplete(
            (accepted, error) -> {
              if (error != null) {
                reply.error("noproc");
              } else if (!accepted) {
                reply.error("ignored");
              } else {
                reply.ok(new byte[0]);
              }
            });
  }

  private <T> void request(
      WireReader in,
      Messenger.Reply reply,
      BiFunctionCall<T> call,
      Function<T, byte[]> encode,
      String rejection) {
    TableServer<?, ?> server = target(in);
    if (server == null) {
      reply.error("noproc");
      return;
    }
    BiConsumer<T, Throwable> answer =
        (value, error) -> {
          if (error != null) {
            reply.error("noproc");
            return;
          }
          byte[] body = encode.apply(value);
          if (body == null) {
            reply.error(rejection);
          } else {
            reply.ok(body);
          }
        };
    call.apply(server, in).whenComplete(answer);
  }

  @FunctionalInterface
  private interface BiFunctionCall<T> {
    CompletableFuture<T> apply(TableServer<?, ?> server, WireReader body);
  }
}
