package io.meerkat.server.sm;

import io.meerkat.xmpp.Jid;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** The session table of a single node: concurrent maps keyed by bare JID, then resource. */
public final class LocalSessionTable implements SessionTable {

  private final ConcurrentHashMap<Jid, ConcurrentSkipListMap<String, SessionEntry>> byUser =
      new ConcurrentHashMap<>();
  private final AtomicLong count = new AtomicLong();

  @Override
  public void put(SessionEntry entry) {
    byUser.compute(
        entry.jid().toBare(),
        (bare, resources) -> {
          ConcurrentSkipListMap<String, SessionEntry> map =
              resources == null ? new ConcurrentSkipListMap<>() : resources;
          if (map.put(entry.jid().resource(), entry) == null) {
            count.incrementAndGet();
          }
          return map;
        });
  }

  @Override
  public void remove(Jid fullJid, SessionId id) {
    byUser.computeIfPresent(
        fullJid.toBare(),
        (bare, resources) -> {
          SessionEntry current = resources.get(fullJid.resource());
          if (current != null && current.id().equals(id)) {
            resources.remove(fullJid.resource());
            count.decrementAndGet();
          }
          return resources.isEmpty() ? null : resources;
        });
  }

  @Override
  public Optional<SessionEntry> lookup(Jid fullJid) {
    ConcurrentSkipListMap<String, SessionEntry> resources = byUser.get(fullJid.toBare());
    return resources == null
        ? Optional.empty()
        : Optional.ofNullable(resources.get(fullJid.resource()));
  }

  @Override
  public List<SessionEntry> lookupBare(Jid bareJid) {
    ConcurrentSkipListMap<String, SessionEntry> resources = byUser.get(bareJid.toBare());
    return resources == null ? List.of() : List.copyOf(resources.values());
  }

  @Override
  public List<SessionEntry> listDomain(String domain) {
    List<SessionEntry> result = new ArrayList<>();
    byUser.forEach(
        (bare, resources) -> {
          if (bare.domain().equals(domain)) {
            result.addAll(resources.values());
          }
        });
    result.sort(Comparator.comparing(SessionEntry::jid));
    return result;
  }

  @Override
  public List<SessionEntry> all() {
    List<SessionEntry> result = new ArrayList<>();
    byUser.values().forEach(r -> result.addAll(r.values()));
    result.sort(Comparator.comparing(SessionEntry::jid));
    return result;
  }

  @Override
  public long count() {
    return count.get();
  }
}
