package io.meerkat.server.metrics;

import io.meerkat.server.c2s.C2sEvents;
import io.meerkat.xmpp.Jid;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Client connection metrics from {@link C2sEvents}: connections, authentications and stanzas by
 * kind ({@code xmpp_element_in_total{kind="message"}} ...). Counters are created once per label
 * value and then only incremented, so the calls never block.
 */
public final class C2sMetrics implements C2sEvents {

  private final MeterRegistry registry;
  private final AtomicLong open = new AtomicLong();
  private final Counter connections;
  private final Counter authSucceeded;
  private final Map<String, Counter> authFailed = new ConcurrentHashMap<>();
  private final Map<String, Counter> in = new ConcurrentHashMap<>();
  private final Map<String, Counter> out = new ConcurrentHashMap<>();

  public C2sMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("c2s_connections_open", open, AtomicLong::get)
        .description("Open client connections")
        .register(registry);
    connections =
        Counter.builder("c2s_connections")
            .description("Accepted client connections")
            .register(registry);
    authSucceeded =
        Counter.builder("c2s_auth_succeeded")
            .description("Successful client authentications")
            .register(registry);
  }

  @Override
  public void connectionOpened() {
    open.incrementAndGet();
    connections.increment();
  }

  @Override
  public void connectionClosed() {
    open.decrementAndGet();
  }

  @Override
  public void authSucceeded(Jid user, String mechanism) {
    authSucceeded.increment();
  }

  @Override
  public void authFailed(String domain, String mechanism, String reason) {
    authFailed
        .computeIfAbsent(
            reason == null ? "unknown" : reason,
            r ->
                Counter.builder("c2s_auth_failed")
                    .description("Failed client authentications by SASL failure")
                    .tag("reason", r)
                    .register(registry))
        .increment();
  }

  @Override
  public void stanzaIn(String kind) {
    counter(in, "xmpp_element_in", "Stanzas received from clients", kind).increment();
  }

  @Override
  public void stanzaOut(String kind) {
    counter(out, "xmpp_element_out", "Stanzas sent to clients", kind).increment();
  }

  private Counter counter(Map<String, Counter> counters, String name, String help, String kind) {
    return counters.computeIfAbsent(
        kind,
        k ->
            Counter.builder(name)
                .description(help)
                .tag("connection_type", "c2s")
                .tag("kind", k)
                .register(registry));
  }
}
