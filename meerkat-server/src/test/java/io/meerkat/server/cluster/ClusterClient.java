package io.meerkat.server.cluster;

import io.meerkat.server.e2e.SmackConnections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPException.StreamErrorException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A Smack client logged in to one node of a {@link ServerCluster}, recording every message and
 * presence it receives and the stream error that ended it, for assertions with Awaitility.
 */
final class ClusterClient implements AutoCloseable {

  private final XMPPTCPConnection connection;
  private final List<Stanza> received = new CopyOnWriteArrayList<>();
  private volatile StreamError.Condition closedWith;

  private ClusterClient(XMPPTCPConnection connection) {
    this.connection = connection;
  }

  /** Logs in {@code user} (password {@code user + "-pw"}) and sends available presence. */
  static ClusterClient login(int port, String user, String resource) throws Exception {
    XMPPTCPConnection c =
        new XMPPTCPConnection(
            SmackConnections.configuration(port)
                .setUsernameAndPassword(user, user + "-pw")
                .setResource(resource)
                .setSendPresence(false)
                .build());
    c.setReplyTimeout(15_000);
    Roster.getInstanceFor(c).setRosterLoadedAtLogin(false);
    ClusterClient client = new ClusterClient(c);
    c.addAsyncStanzaListener(
        client.received::add, s -> s instanceof Message || s instanceof Presence);
    c.addConnectionListener(
        new ConnectionListener() {
          @Override
          public void connectionClosedOnError(Exception e) {
            if (e instanceof StreamErrorException se) {
              client.closedWith = se.getStreamError().getCondition();
            }
          }
        });
    c.connect().login();
    c.sendStanza(c.getStanzaFactory().buildPresenceStanza().build());
    return client;
  }

  String jid() {
    return connection.getUser().toString();
  }

  void send(String to, String body) throws Exception {
    connection.sendStanza(
        connection
            .getStanzaFactory()
            .buildMessageStanza()
            .ofType(Message.Type.chat)
            .to(JidCreate.from(to))
            .setBody(body)
            .build());
  }

  boolean gotMessage(String body) {
    return received.stream().anyMatch(s -> s instanceof Message m && body.equals(m.getBody()));
  }

  /** Whether the last presence received from {@code fromBare} (any resource) matches. */
  boolean lastPresenceFrom(String fromBare, Predicate<Presence> match) {
    Presence last = null;
    for (Stanza s : received) {
      if (s instanceof Presence p
          && p.getFrom() != null
          && p.getFrom().asBareJid().toString().equals(fromBare)) {
        last = p;
      }
    }
    return last != null && match.test(last);
  }

  StreamError.Condition closedWith() {
    return closedWith;
  }

  boolean connected() {
    return connection.isConnected();
  }

  @Override
  public void close() {
    connection.disconnect();
  }
}
