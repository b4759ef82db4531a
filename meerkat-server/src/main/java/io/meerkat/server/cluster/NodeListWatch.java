package io.meerkat.server.cluster;

import io.meerkat.cets.discovery.CetsDiscovery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Re-reads the node-list file when it changes: checks its modification time and size every second
 * and asks discovery for a poll at once when either changed. Without it an edit would wait for the
 * next regular poll (every 5 minutes once a cluster has formed). Polling the attributes is used
 * rather than a file-system watch service because it also sees edits on network and container
 * volumes, where such services stay silent.
 */
final class NodeListWatch implements AutoCloseable {

  private final Path file;
  private final CetsDiscovery discovery;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("node-list-watch").unstarted(r));
  private Object lastSeen;

  NodeListWatch(Path file, CetsDiscovery discovery) {
    this.file = file;
    this.discovery = discovery;
    this.lastSeen = stamp();
    timer.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
  }

  private void check() {
    Object now = stamp();
    if (!Objects.equals(now, lastSeen)) {
      lastSeen = now;
      discovery.checkNow();
    }
  }

  private Object stamp() {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return a.lastModifiedTime().toMillis() + "/" + a.size() + "/" + a.fileKey();
    } catch (IOException e) {
      return "missing";
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
