package io.meerkat.server.modules.adhoc;

import io.meerkat.xmpp.Jid;

/** The {@code ping} command: anyone may run it; it completes at once with "Pong". */
final class PingCommand implements AdhocCommand {

  @Override
  public String node() {
    return "ping";
  }

  @Override
  public String name() {
    return "Ping";
  }

  @Override
  public boolean allowed(Jid requester, Jid server) {
    return true;
  }

  @Override
  public CommandStep start(Jid requester, Jid server) {
    return new CommandStep.Completed("Pong", null);
  }
}
