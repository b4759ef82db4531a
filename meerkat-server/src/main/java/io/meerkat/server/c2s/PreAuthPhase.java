package io.meerkat.server.c2s;

import io.meerkat.server.config.TlsConfig.TlsMode;
import io.meerkat.server.module.PreAuthExtensions.PreAuthIqHandler;
import io.meerkat.server.sasl.ChannelBinding;
import io.meerkat.server.sasl.SaslContext;
import io.meerkat.server.sasl.SaslMechanism;
import io.meerkat.server.sasl.SaslStep;
import io.meerkat.server.sasl.TlsChannelBinding;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.IqType;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.SaslFailure;
import io.meerkat.xmpp.Stanza;
import io.meerkat.xmpp.StreamError;
import io.meerkat.xmpp.StreamError.Condition;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Everything before authentication: stream features, STARTTLS, SASL and pre-auth IQs
 * (registration). It deliberately has no router: an unauthenticated client cannot send stanzas
 * anywhere.
 */
final class PreAuthPhase {

  private final C2sSession session;
  private final C2sServices services;
  private final C2sSettings settings;
  private final C2sConnection connection;
  private SaslMechanism mechanism;
  private String mechanismName;
  private List<String> offered = List.of();
  private int failures;

  PreAuthPhase(
      C2sSession session, C2sServices services, C2sSettings settings, C2sConnection connection) {
    this.session = session;
    this.services = services;
    this.settings = settings;
    this.connection = connection;
  }

  private boolean tlsRequiredButMissing() {
    return settings.tlsMode() == TlsMode.STARTTLS_REQUIRED && !connection.tlsActive();
  }

  private ChannelBinding channelBinding() {
    return connection.tlsActive()
        ? new TlsChannelBinding(connection.sslHandler().engine(), settings.tlsMaterial().leaf())
        : ChannelBinding.NONE;
  }

  XmlElement features(String domain) {
    XmlElement.Builder features = XmlElement.builder("features", Namespaces.STREAMS);
    if (!connection.tlsActive() && settings.tlsMode() != TlsMode.TLS) {
      XmlElement.Builder starttls = XmlElement.builder("starttls", Namespaces.TLS);
      if (settings.tlsMode() == TlsMode.STARTTLS_REQUIRED) {
        starttls.child(XmlElement.empty("required", Namespaces.TLS));
      }
      features.child(starttls.build());
    }
    if (!tlsRequiredButMissing()) {
      ChannelBinding binding = channelBinding();
      offered = services.saslMechanisms().offered(connection.tlsActive(), binding);
      XmlElement.Builder mechanisms = XmlElement.builder("mechanisms", Namespaces.SASL);
      offered.forEach(m -> mechanisms.textChild("mechanism", m));
      features.child(mechanisms.build());
      if (!binding.types().isEmpty()) {
        XmlElement.Builder cb =
            XmlElement.builder("sasl-channel-binding", Namespaces.SASL_CHANNEL_BINDING);
        binding
            .types()
            .forEach(
                t ->
                    cb.child(
                        XmlElement.builder("channel-binding", Namespaces.SASL_CHANNEL_BINDING)
                            .attribute("type", t)
                            .build()));
        features.child(cb.build());
      }
      services
          .preAuth()
          .features(domain, connection.remoteAddress(), connection.tlsActive())
          .forEach(features::child);
    }
    return features.build();
  }

  void handle(XmlElement element, C2sState state) {
    boolean pausing = StreamRestarts.pausesParser(element);
    boolean restarting = false;
    if (element.is("starttls", Namespaces.TLS)) {
      restarting = startTls();
    } else if (element.namespace().equals(Namespaces.SASL)) {
      restarting = sasl(element, state);
    } else if (Stanza.kind(element) == Stanza.Kind.IQ && !tlsRequiredButMissing()) {
      preAuthIq(element);
    } else if (tlsRequiredButMissing()) {
      session.fail(StreamError.of(Condition.POLICY_VIOLATION, "Use STARTTLS first"));
    } else {
      session.fail(StreamError.of(Condition.NOT_AUTHORIZED, "Authenticate first"));
    }
    if (pausing && !restarting) {
      connection.resumeReading();
    }
  }

  private boolean startTls() {
    if (connection.tlsActive() || settings.tlsMode() == TlsMode.TLS) {
      connection.send(XmlElement.empty("failure", Namespaces.TLS));
      connection.closeStream();
      session.fail(StreamError.of(Condition.POLICY_VIOLATION));
      return false;
    }
    connection.startTls(settings.sslContext());
    session.tlsStarted();
    return true;
  }

  private boolean sasl(XmlElement element, C2sState state) {
    switch (element.name()) {
      case "auth" -> {
        return auth(element);
      }
      case "response" -> {
        if (state != C2sState.WAIT_FOR_SASL_RESPONSE || mechanism == null) {
          return fail(SaslFailure.MALFORMED_REQUEST, "No authentication in progress");
        }
        Optional<byte[]> data = decode(element.text());
        return data.isEmpty()
            ? fail(SaslFailure.INCORRECT_ENCODING, "Invalid base64")
            : outcome(mechanism.step(data.get()));
      }
      case "abort" -> {
        return fail(SaslFailure.ABORTED, null);
      }
      default -> {
        session.fail(StreamError.of(Condition.UNSUPPORTED_STANZA_TYPE));
        return false;
      }
    }
  }

  private boolean auth(XmlElement auth) {
    if (tlsRequiredButMissing()) {
      return fail(SaslFailure.ENCRYPTION_REQUIRED, "Use STARTTLS first");
    }
    String name = auth.attribute("mechanism");
    if (name == null || !offered.contains(name)) {
      boolean plainWithoutTls = "PLAIN".equals(name) && !connection.tlsActive();
      return fail(
          plainWithoutTls ? SaslFailure.ENCRYPTION_REQUIRED : SaslFailure.INVALID_MECHANISM,
          plainWithoutTls ? "PLAIN needs TLS" : null);
    }
    Optional<byte[]> data = decode(auth.text());
    if (data.isEmpty()) {
      return fail(SaslFailure.INCORRECT_ENCODING, "Invalid base64");
    }
    SaslContext context =
        new SaslContext(
            session.domain(),
            services.users(),
            channelBinding(),
            offered.stream().anyMatch(m -> m.endsWith("-PLUS")),
            services.fakeSaltKey(),
            services.scramIterations());
    mechanismName = name;
    mechanism = services.saslMechanisms().create(name, context).orElseThrow();
    return outcome(mechanism.start(data.get()));
  }

  private boolean outcome(SaslStep step) {
    switch (step) {
      case SaslStep.Challenge c -> {
        connection.send(
            XmlElement.builder("challenge", Namespaces.SASL).text(encode(c.data())).build());
        session.enter(C2sState.WAIT_FOR_SASL_RESPONSE);
        return false;
      }
      case SaslStep.Failure f -> {
        return fail(f.condition(), f.text());
      }
      case SaslStep.Success s -> {
        if (!services.access().allows(settings.accessRule(), s.user())) {
          return fail(SaslFailure.NOT_AUTHORIZED, "Access denied by the server's policy");
        }
        connection.send(
            XmlElement.builder("success", Namespaces.SASL)
                .text(s.additionalData() == null ? null : encode(s.additionalData()))
                .build());
        services.events().authSucceeded(s.user(), mechanismName);
        mechanism = null;
        session.authenticated(s.user());
        return true;
      }
    }
  }

  private boolean fail(SaslFailure condition, String text) {
    mechanism = null;
    connection.send(condition.toElement(text));
    services.events().authFailed(session.domain(), mechanismName, condition.elementName());
    failures++;
    if (failures >= settings.maxAuthFailures()) {
      session.fail(StreamError.of(Condition.POLICY_VIOLATION, "Too many authentication failures"));
    } else {
      session.enter(C2sState.WAIT_FOR_FEATURE_BEFORE_AUTH);
    }
    return false;
  }

  private void preAuthIq(XmlElement iq) {
    PreAuthIqHandler handler = services.preAuth().handlerFor(iq);
    IqType type = IqType.parse(Stanza.type(iq));
    if (handler == null || type == null || !type.isRequest()) {
      session.fail(StreamError.of(Condition.NOT_AUTHORIZED, "Authenticate first"));
      return;
    }
    XmlElement clean = iq.withoutAttribute("from").withoutAttribute("to");
    connection.send(handler.handle(clean, session.domain(), connection.remoteAddress()));
  }

  private static Optional<byte[]> decode(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty() || trimmed.equals("=")) {
      return Optional.of(new byte[0]);
    }
    try {
      return Optional.of(Base64.getDecoder().decode(trimmed));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String encode(byte[] data) {
    return data.length == 0 ? "=" : Base64.getEncoder().encodeToString(data);
  }
}
