package io.meerkat.cets.rpc;

import io.meerkat.cets.transport.Channel;
import io.meerkat.cets.transport.ClusterTransport;
import io.meerkat.cets.transport.MessageHandler;
import io.meerkat.cets.transport.NodeId;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named one-way messages ("casts") and request/reply calls between the nodes of a cluster, on the
 * transport's {@link Channel#REPLICATION} channel (or another channel given to the constructor, so
 * that an application's traffic is dispatched apart from replication).
 *
 * <p>Handlers run on the transport thread of the link in arrival order and must not block: they
 * hand work to an actor mailbox, which keeps the per-link FIFO order all the way to the actor. A
 * call or cast to this node itself is dispatched directly on the caller's thread. A call whose
 * target goes down before answering fails with {@link RemoteCallException#NODE_DOWN}; calls have no
 * timeout of their own (the transport's failure detection bounds them).
 */
public final class Messenger implements MessageHandler {

  private static final Logger LOG = LoggerFactory.getLogger(Messenger.class);
  private static final int CAST = 1;
  private static final int REQUEST = 2;
  private static final int REPLY_OK = 3;
  private static final int REPLY_ERROR = 4;

  /** Handles one named message; replies through {@code reply} (ignored for casts). */
  @FunctionalInterface
  public interface Handler {
    void handle(NodeId from, WireReader body, Reply reply);
  }

  /** The answer channel of one request; the first answer wins. */
  public interface Reply {
    void ok(byte[] body);

    void error(String reason);
  }

  private record Pending(NodeId to, CompletableFuture<WireReader> future) {}

  private final ClusterTransport transport;
  private final Channel channel;
  private final NodeId local;
  private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  public Messenger(ClusterTransport transport) {
    this(transport, Channel.REPLICATION);
  }

  /** A messenger on {@code channel}; it becomes that channel's handler. */
  public Messenger(ClusterTransport transport, Channel channel) {
    this.transport = transport;
    this.channel = channel;
    this.local = transport.localNode();
    transport.setHandler(channel, this);
  }

  public NodeId localNode() {
    return local;
  }

  public void register(String service, Handler handler) {
    if (handlers.putIfAbsent(service, handler) != null) {
      throw new IllegalStateException("service already registered: " + service);
    }
  }

  /** Sends a one-way message; false when there is no link to {@code to}. */
  public boolean cast(NodeId to, String service, byte[] body) {
    if (to.equals(local)) {
      dispatch(local, service, new WireReader(body), NO_REPLY);
      return true;
    }
    byte[] frame =
        new WireWriter().writeByte(CAST).writeString(service).writeBytes(body).toByteArray();
    return transport.send(to, channel, frame);
  }

  /** Sends a request; the future completes with the reply body or a {@link RemoteCallException}. */
  public CompletableFuture<WireReader> call(NodeId to, String service, byte[] body) {
    CompletableFuture<WireReader> future = new CompletableFuture<>();
    if (to.equals(local)) {
      dispatch(local, service, new WireReader(body), new LocalReply(future));
      return future;
    }
    long id = ids.incrementAndGet();
    pending.put(id, new Pending(to, future));
    byte[] frame =
        new WireWriter()
            .writeByte(REQUEST)
            .writeLong(id)
            .writeString(service)
            .writeBytes(body)
            .toByteArray();
    if (!transport.send(to, channel, frame)) {
      pending.remove(id);
      future.completeExceptionally(
          new RemoteCallException(RemoteCallException.NODE_DOWN, "no link to " + to));
    }
    return future;
  }

  /** Fails every call still waiting for {@code node}; called when its link goes down. */
  public void nodeDown(NodeId node) {
    pending
        .entrySet()
        .removeIf(
            entry -> {
              if (!entry.getValue().to().equals(node)) {
                return false;
              }
              entry
                  .getValue()
                  .future()
                  .completeExceptionally(
                      new RemoteCallException(RemoteCallException.NODE_DOWN, node + " went down"));
              return true;
            });
  }

  @Override
  public void onMessage(NodeId from, byte[] payload) {
    try {
      WireReader in = new WireReader(payload);
      int kind = in.readByte();
      switch (kind) {
        case CAST -> {
          String service = in.readString();
          dispatch(from, service, new WireReader(in.readBytes()), NO_REPLY);
        }
        case REQUEST -> {
          long id = in.readLong();
          String service = in.readString();
          dispatch(from, service, new WireReader(in.readBytes()), new RemoteReply(from, id));
        }
        case REPLY_OK, REPLY_ERROR -> complete(from, kind, in);
        default -> LOG.warn("Dropping message of unknown kind {} from {}", kind, from);
      }
    } catch (RuntimeException e) {
      LOG.warn("Dropping malformed message from {}", from, e);
    }
  }

  private void complete(NodeId from, int kind, WireReader in) {
    long id = in.readLong();
    Pending call = pending.get(id);
    if (call == null || !call.to().equals(from) || !pending.remove(id, call)) {
      return;
    }
    if (kind == REPLY_OK) {
      call.future().complete(new WireReader(in.readBytes()));
    } else {
      String reason = in.readString();
      call.future().completeExceptionally(new RemoteCallException(reason, "from " + from));
    }
  }

  private void dispatch(NodeId from, String service, WireReader body, Reply reply) {
    Handler handler = handlers.get(service);
    if (handler == null) {
      reply.error("unknown_service");
      return;
    }
    try {
      handler.handle(from, body, reply);
    } catch (RuntimeException e) {
      LOG.warn("Handler {} failed for a message from {}", service, from, e);
      reply.error("handler_failed");
    }
  }

  private static final Reply NO_REPLY =
      new Reply() {
        @Override
        public void ok(byte[] body) {}

        @Override
        public void error(String reason) {}
      };

  private record LocalReply(CompletableFuture<WireReader> future) implements Reply {
    @Override
    public void ok(byte[] body) {
      future.complete(new WireReader(body));
    }

    @Override
    public void error(String reason) {
      future.completeExceptionally(new RemoteCallException(reason, "local call"));
    }
  }

  private final class RemoteReply implements Reply {
    private final NodeId to;
    private final long id;

    RemoteReply(NodeId to, long id) {
      this.to = to;
      this.id = id;
    }

    @Override
    public void ok(byte[] body) {
      transport.send(
          to,
          channel,
          new WireWriter().writeByte(REPLY_OK).writeLong(id).writeBytes(body).toByteArray());
    }

    @Override
    public void error(String reason) {
      transport.send(
          to,
          channel,
          new WireWriter().writeByte(REPLY_ERROR).writeLong(id).writeString(reason).toByteArray());
    }
  }
}
