package io.meerkat.bench.load;

import io.meerkat.bench.xmpp.ClientConfig;
import io.meerkat.bench.xmpp.ClientListener;
import io.meerkat.bench.xmpp.Connector;
import io.meerkat.bench.xmpp.XmppClient;

/**
 * Everything a scenario in one generator process works with: its slice of the accounts, the
 * connector, the shared client settings, the hard caps and the live totals.
 *
 * @param firstUser number of the first account of this process's slice (accounts are {@code prefix
 *     + n})
 * @param userCount accounts in the slice (even: chat pairs never cross processes)
 */
public record LoadContext(
    BenchOptions options,
    Connector connector,
    ClientConfig client,
    Caps caps,
    Live live,
    int firstUser,
    int userCount) {

  public String user(int indexInSlice) {
    return options.get("user-prefix") + (firstUser + indexInSlice);
  }

  public String fullJid(int indexInSlice) {
    return user(indexInSlice) + "@" + client.domain() + "/" + client.resource();
  }

  /**
   * This process's share of a run-wide quantity (arrival rate, logins in flight, offered message
   * rate): proportional to its slice of the accounts.
   */
  public double share(double total) {
    return total * userCount / options.users();
  }

  /** This process's share of {@code --concurrency}, at least 1. */
  public int concurrency() {
    return Math.max(1, (int) Math.round(share(options.integer("concurrency"))));
  }

  /**
   * Which server an account connects to: always the first, except in the cross-node scenario, where
   * the second account of each pair (odd index; slices start at an even index) connects to the
   * second server ({@code --peer-port}), so every message of the pair crosses nodes.
   */
  public int server(int indexInSlice) {
    return options.crossNode() && indexInSlice % 2 == 1 ? 1 : 0;
  }

  public long timeoutMillis() {
    return options.integer("timeout");
  }

  /**
   * Connects a new client if the caps allow it.
   *
   * @return the client, or null when the connection budget or the time is spent
   */
  public XmppClient open(int indexInSlice, boolean register, ClientListener listener) {
    long now = System.nanoTime();
    if (!caps.tryOpen(now)) {
      return null;
    }
    XmppClient c = new XmppClient(client, user(indexInSlice), register, listener, timeoutMillis());
    c.startNanos = now;
    connector
        .connect(c, server(indexInSlice))
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                listener.failed(c, "connect: " + f.cause());
                listener.closed(c);
              }
            });
    return c;
  }
}
