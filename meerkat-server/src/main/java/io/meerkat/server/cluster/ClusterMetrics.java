package io.meerkat.server.cluster;

import io.meerkat.cets.status.CetsStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code cets_info_*} gauges (available, unavailable, joined and discovered nodes, whether
 * discovery works, and the remote/conflict counts of {@code cets systemInfo}). The report asks
 * every connected node, so it is taken every few seconds in the background rather than on each
 * scrape.
 */
final class ClusterMetrics implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterMetrics.class);
  private static final long PERIOD_SECONDS = 5;

  private final Map<String, Integer> latest = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("cets-metrics").unstarted(r));

  ClusterMetrics(MeterRegistry registry, CetsStatus status) {
    latest.putAll(CetsStatus.gauges(status.systemInfo()));
    for (String name : latest.keySet()) {
      Gauge.builder("cets_info_" + name, () -> latest.getOrDefault(name, 0))
          .description("cets systemInfo: " + name.replace('_', ' '))
          .register(registry);
    }
    timer.scheduleWithFixedDelay(
        () -> refresh(status), PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
  }

  private void refresh(CetsStatus status) {
    try {
      latest.putAll(CetsStatus.gauges(status.systemInfo()));
    } catch (RuntimeException e) {
      LOG.debug("cets systemInfo for metrics failed", e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
