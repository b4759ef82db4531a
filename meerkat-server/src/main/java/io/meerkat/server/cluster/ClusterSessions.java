package io.meerkat.server.cluster;

import io.meerkat.cets.rpc.Messenger;
import io.meerkat.cets.rpc.WireReader;
import io.meerkat.cets.rpc.WireWriter;
import io.meerkat.cets.transport.Channel;
import io.meerkat.cets.transport.ClusterTransport;
import io.meerkat.cets.transport.NodeId;
import io.meerkat.cets.transport.TransportListener;
import io.meerkat.server.router.LocalRouter;
import io.meerkat.server.sm.RemoteSessions;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.server.sm.SessionId;
import io.meerkat.server.sm.SessionManager;
import io.meerkat.server.storage.StoredXml;
import io.meerkat.server.util.SerialExecutor;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.StreamError;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Reaches the sessions of other nodes over the cluster transport's application channel: stanzas are
 * forwarded to the owning node (one-way), closing a session and acting for its client are requests
 * answered once done.
 *
 * <p>Order: the transport keeps one FIFO order per link, and the receiving node runs the stanzas of
 * one sender on one serial mailbox (chosen by the sender's address), so the stanzas of a sender
 * reach a recipient in the order sent, while different senders are delivered in parallel. Each
 * mailbox reads its stanzas as one continuous XML stream ({@link ForwardedStanzaReader}).
 */
final class ClusterSessions implements RemoteSessions {

  private static final String ROUTE = "meerkat.sm.route";
  private static final String CLOSE = "meerkat.sm.close";
  private static final String SEND_AS_CLIENT = "meerkat.sm.send_as_client";
  private static final int STRIPES = 16;

  private final ClusterTransport transport;
  private final Messenger messenger;
  private final Executor executor;
  private final Map<NodeId, Stripe[]> mailboxes = new ConcurrentHashMap<>();

  /** One serial mailbox for the stanzas of some senders of one node, with its stream reader. */
  private record Stripe(SerialExecutor mailbox, ForwardedStanzaReader reader) {}

  /**
   * @param executor runs the work of received messages (virtual threads: delivery may block)
   */
  ClusterSessions(ClusterTransport transport, Executor executor) {
    this.transport = transport;
    this.executor = executor;
    this.messenger = new Messenger(transport, Channel.APPLICATION);
    transport.addListener(
        new TransportListener() {
          @Override
          public void nodeUp(NodeId node) {}

          @Override
          public void nodeDown(NodeId node, String reason) {
            messenger.nodeDown(node);
            mailboxes.remove(node);
          }
        });
  }

  Messenger messenger() {
    return messenger;
  }

  /** Starts serving the other nodes' requests with this node's router and sessions. */
  void serve(LocalRouter router, SessionManager sessions) {
    String local = transport.localNode().name();
    messenger.register(
        ROUTE,
        (from, in, reply) -> {
          long serial = in.readLong();
          String senderKey = in.readString();
          byte[] xml = in.readBytes();
          Stripe stripe = stripe(from, senderKey);
          stripe
              .mailbox()
              .execute(
                  () ->
                      router.deliverForwarded(
                          new SessionId(local, serial), stripe.reader().read(xml)));
        });
    messenger.register(
        CLOSE,
        (from, in, reply) -> {
          SessionId id = new SessionId(local, in.readLong());
          StreamError.Condition condition = StreamError.Condition.valueOf(in.readString());
          String text = in.readString();
          StreamError reason = StreamError.of(condition, text.isEmpty() ? null : text);
          executor.execute(
              () ->
                  sessions
                      .closeLocal(id, reason)
                      .thenAccept(
                          done -> reply.ok(new WireWriter().writeBoolean(done).toByteArray())));
        });
    messenger.register(
        SEND_AS_CLIENT,
        (from, in, reply) -> {
          SessionId id = new SessionId(local, in.readLong());
          XmlElement stanza = StoredXml.readOne(in.readString());
          executor.execute(
              () ->
                  sessions
                      .sendAsLocalClient(id, stanza)
                      .thenAccept(
                          done -> reply.ok(new WireWriter().writeBoolean(done).toByteArray())));
        });
  }

  @Override
  public boolean forward(SessionEntry target, XmlElement stanza) {
    Optional<NodeId> owner = owner(target);
    if (owner.isEmpty()) {
      return false;
    }
    String from = stanza.attribute("from");
    byte[] body =
        new WireWriter()
            .writeLong(target.id().serial())
            .writeString(from == null ? "" : from)
            .writeString(StoredXml.write(stanza))
            .toByteArray();
    return messenger.cast(owner.get(), ROUTE, body);
  }

  @Override
  public CompletableFuture<Boolean> close(SessionEntry target, StreamError reason) {
    byte[] body =
        new WireWriter()
            .writeLong(target.id().serial())
            .writeString(reason.condition().name())
            .writeString(reason.text() == null ? "" : reason.text())
            .toByteArray();
    return request(target, CLOSE, body);
  }

  @Override
  public CompletableFuture<Boolean> sendAsClient(SessionEntry target, XmlElement stanza) {
    byte[] body =
        new WireWriter()
            .writeLong(target.id().serial())
            .writeString(StoredXml.write(stanza))
            .toByteArray();
    return request(target, SEND_AS_CLIENT, body);
  }

  private CompletableFuture<Boolean> request(SessionEntry target, String service, byte[] body) {
    Optional<NodeId> owner = owner(target);
    if (owner.isEmpty()) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("node " + target.id().node() + " is not connected"));
    }
    return messenger.call(owner.get(), service, body).thenApply(WireReader::readBoolean);
  }

  /** The connected node of the session's owner name (its current incarnation). */
  private Optional<NodeId> owner(SessionEntry target) {
    String name = target.id().node();
    for (NodeId node : transport.connectedNodes()) {
      if (node.name().equals(name)) {
        return Optional.of(node);
      }
    }
    return Optional.empty();
  }

  private Stripe stripe(NodeId from, String senderKey) {
    Stripe[] stripes =
        mailboxes.computeIfAbsent(
            from,
            n -> {
              Stripe[] created = new Stripe[STRIPES];
              for (int i = 0; i < STRIPES; i++) {
                created[i] =
                    new Stripe(new SerialExecutor(executor, () -> {}), new ForwardedStanzaReader());
              }
              return created;
            });
    return stripes[Math.floorMod(senderKey.hashCode(), STRIPES)];
  }
}
