package io.meerkat.server.api.stanza;

import io.meerkat.server.api.ApiServices;
import io.meerkat.server.api.account.AccountApi;
import io.meerkat.server.sm.SessionEntry;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.reactivestreams.Publisher;

/** Opens {@link MessageStream}s: one extra resource of the user per subscription. */
public final class MessageSubscriptions {

  /** Messages a subscriber may leave unread before the stream is ended with an error. */
  static final int MAX_PENDING = 10_000;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiServices services;
  private final AccountApi accounts;

  public MessageSubscriptions(ApiServices services, AccountApi accounts) {
    this.services = services;
    this.accounts = accounts;
  }

  /** Starts receiving the user's messages; the returned publisher has one subscriber. */
  public Publisher<Object> subscribe(Jid user) {
    Jid bare = accounts.requireUser(user);
    byte[] suffix = new byte[6];
    RANDOM.nextBytes(suffix);
    Jid full = bare.withResource("graphql-sse-" + HexFormat.of().formatHex(suffix));
    XmlElement presence =
        XmlElement.builder("presence", Namespaces.CLIENT)
            .attribute("from", full.toString())
            .build();
    SessionEntry entry =
        new SessionEntry(
            full,
            services.sessions().newSessionId(),
            0,
            presence,
            services.clock().millis(),
            "graphql-sse");
    return new MessageStream(services.sessions(), entry, services.clock(), MAX_PENDING).open();
  }
}
