package io.meerkat.server.c2s;

import io.meerkat.server.sm.SessionEntry;
import io.meerkat.server.sm.SessionHandle;
import io.meerkat.server.util.NonBlocking;
import io.meerkat.server.util.SerialExecutor;
import io.meerkat.xml.XmlElement;
import io.meerkat.xml.XmlStreamException;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.Stanza;
import io.meerkat.xmpp.StreamError;
import io.meerkat.xmpp.StreamError.Condition;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * One client connection's state machine, run as an actor: every event (bytes parsed, stanzas routed
 * to it, timers, disconnects) is a task in its mailbox, handled one at a time on a virtual thread.
 * The pre-authentication phase has no access to routing; only after SASL success and resource
 * binding does the post-authentication phase route stanzas.
 */
public final class C2sSession implements SessionHandle {

  private final C2sServices services;
  private final C2sSettings settings;
  private final C2sConnection connection;
  private final SerialExecutor mailbox;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final PreAuthPhase preAuth;
  private PostAuthPhase postAuth;
  private C2sState state = C2sState.WAIT_FOR_STREAM;
  private ScheduledFuture<?> stateTimer;
  private long stateSerial;
  private String domain;
  private String lang = "en";
  private Jid authenticated;

  C2sSession(
      C2sServices services, C2sSettings settings, C2sConnection connection, Runnable onIdle) {
    this.services = services;
    this.settings = settings;
    this.connection = connection;
    this.mailbox =
        new SerialExecutor(
            services.sessionExecutor(),
            () -> {
              connection.flush();
              onIdle.run();
            });
    this.preAuth = new PreAuthPhase(this, services, settings, connection);
  }

  SerialExecutor mailbox() {
    return mailbox;
  }

  // --- events, each run in the mailbox -------------------------------------------------------

  void start() {
    services.events().connectionOpened();
    enter(C2sState.WAIT_FOR_STREAM);
  }

  void onStreamOpen(XmlElement header, Map<String, String> namespaces) {
    if (state != C2sState.WAIT_FOR_STREAM) {
      return;
    }
    if (!header.is("stream", Namespaces.STREAMS) || !Namespaces.CLIENT.equals(namespaces.get(""))) {
      fail(StreamError.of(Condition.INVALID_NAMESPACE));
      return;
    }
    Jid to = Jid.parseOrNull(header.attribute("to"));
    if (to == null
        || !to.isDomain()
        || !services.hosts().contains(to.domain())
        || (domain != null && !domain.equals(to.domain()))) {
      fail(StreamError.of(Condition.HOST_UNKNOWN, "This server does not serve that domain"));
      return;
    }
    domain = to.domain();
    String requestedLang = header.attribute("xml:lang");
    if (requestedLang != null && !requestedLang.isBlank() && requestedLang.length() <= 35) {
      lang = requestedLang;
    }
    String version = header.attribute("version");
    connection.sendHeader(domain, UUID.randomUUID().toString(), lang);
    if (version == null || !version.startsWith("1.")) {
      fail(StreamError.of(Condition.UNSUPPORTED_VERSION, "XMPP 1.0 is required"));
      return;
    }
    if (authenticated == null) {
      connection.send(preAuth.features(domain));
      enter(C2sState.WAIT_FOR_FEATURE_BEFORE_AUTH);
    } else {
      postAuth = new PostAuthPhase(this, services, settings, connection, authenticated);
      connection.send(postAuth.features());
      enter(C2sState.WAIT_FOR_FEATURE_AFTER_AUTH);
    }
  }

  /**
   * An element read on the connection's event loop. A message from a bound session is handled right
   * there when the mailbox is idle and its handling needs no blocking call (the common case: a chat
   * message to an online user), which spares it two thread hand-offs; everything else, and a
   * message whose handling reaches a blocking call, takes its turn in the mailbox.
   */
  void onElementRead(XmlElement element) {
    if (Stanza.kind(element) != Stanza.Kind.MESSAGE
        || !mailbox.runIfIdle(() -> handleWithoutBlocking(element))) {
      mailbox.execute(() -> onElement(element));
    }
  }

  private void handleWithoutBlocking(XmlElement element) {
    if (!state.isBound() || !NonBlocking.tryRun(() -> onElement(element))) {
      // Next in the mailbox, on a virtual thread, from the start: nothing was sent yet.
      mailbox.execute(() -> onElement(element));
    }
  }

  void onElement(XmlElement element) {
    switch (state) {
      case WAIT_FOR_FEATURE_BEFORE_AUTH, WAIT_FOR_SASL_RESPONSE -> preAuth.handle(element, state);
      case WAIT_FOR_FEATURE_AFTER_AUTH, WAIT_FOR_SESSION_OR_STANZA, SESSION_ESTABLISHED ->
          postAuth.handle(element, state);
      case WAIT_FOR_STREAM, CLOSED -> {}
    }
    if (Stanza.isStanza(element)) {
      services.events().stanzaIn(element.name());
    }
  }

  void onStreamClosed() {
    if (state != C2sState.CLOSED) {
      connection.closeStream();
      terminate(null);
    }
  }

  void onParseError(XmlStreamException e) {
    Condition condition =
        switch (e.reason()) {
          case NOT_WELL_FORMED -> Condition.NOT_WELL_FORMED;
          case RESTRICTED_XML -> Condition.RESTRICTED_XML;
          case POLICY_VIOLATION -> Condition.POLICY_VIOLATION;
        };
    fail(StreamError.of(condition, e.getMessage()));
  }

  void onDisconnected() {
    if (state != C2sState.CLOSED) {
      terminate(null);
    }
    services.events().connectionClosed();
  }

  private void onTimeout(long serial) {
    if (serial == stateSerial && state.isTimed()) {
      fail(StreamError.of(Condition.CONNECTION_TIMEOUT, "Negotiation took too long"));
    }
  }

  // --- transitions used by the phases --------------------------------------------------------

  void enter(C2sState next) {
    if (state == C2sState.CLOSED) {
      return;
    }
    state = next;
    stateSerial++;
    if (stateTimer != null) {
      stateTimer.cancel(false);
      stateTimer = null;
    }
    if (next.isTimed()) {
      long serial = stateSerial;
      stateTimer =
          connection.schedule(
              () -> mailbox.execute(() -> onTimeout(serial)), settings.stateTimeout().toMillis());
    }
  }

  /** SASL succeeded: the client restarts the stream, now authenticated. */
  void authenticated(Jid user) {
    authenticated = user;
    enter(C2sState.WAIT_FOR_STREAM);
    connection.restartStream();
  }

  /** STARTTLS: the client restarts the stream over TLS. */
  void tlsStarted() {
    enter(C2sState.WAIT_FOR_STREAM);
  }

  /** Sends a stream error and ends the session. */
  void fail(StreamError error) {
    if (state == C2sState.CLOSED) {
      return;
    }
    connection.streamError(error, domain != null ? domain : services.hosts().iterator().next());
    terminate(error);
  }

  private void terminate(StreamError reason) {
    enter(C2sState.CLOSED);
    if (postAuth != null) {
      postAuth.closed(reason);
    }
    closed.complete(null);
  }

  String domain() {
    return domain;
  }

  String lang() {
    return lang;
  }

  // --- SessionHandle: called from other threads ----------------------------------------------

  @Override
  public SessionEntry entry() {
    return postAuth == null ? null : postAuth.entry();
  }

  @Override
  public void deliver(XmlElement stanza) {
    Runnable write =
        () -> {
          if (state.isBound() && !connection.isClosing()) {
            connection.send(stanza);
            services.events().stanzaOut(stanza.name());
          }
        };
    // From an event loop (a message handled there), an idle session writes at once.
    if (!(connection.onEventLoopThread() && mailbox.runIfIdle(write))) {
      mailbox.execute(write);
    }
  }

  @Override
  public CompletableFuture<Boolean> sendAsClient(XmlElement stanza) {
    CompletableFuture<Boolean> handled = new CompletableFuture<>();
    mailbox.execute(
        () -> {
          boolean open =
              (state == C2sState.SESSION_ESTABLISHED
                      || state == C2sState.WAIT_FOR_SESSION_OR_STANZA)
                  && !connection.isClosing();
          if (open) {
            postAuth.handle(stanza, state);
          }
          handled.complete(open);
        });
    return handled;
  }

  @Override
  public void close(StreamError reason) {
    mailbox.execute(() -> fail(reason));
  }

  @Override
  public CompletableFuture<Void> closed() {
    return closed;
  }
}
