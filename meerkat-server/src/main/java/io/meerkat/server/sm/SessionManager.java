package io.meerkat.server.sm;

import io.meerkat.server.hooks.Hooks;
import io.meerkat.server.hooks.SessionEvent;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.StreamError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens, updates and closes sessions, and delivers stanzas to them. The table says where a session
 * is; the handles of this node's sessions are kept here.
 *
 * <p>Resource conflicts: the new session wins. The old one is closed with a {@code conflict} stream
 * error and the new one waits up to {@code replaced_wait_timeout} for it to go away.
 */
public final class SessionManager {

  private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

  private final String nodeName;
  private final SessionTable table;
  private final Hooks hooks;
  private final Duration replacedWaitTimeout;
  private final Map<SessionId, SessionHandle> localHandles = new ConcurrentHashMap<>();
  private final AtomicLong serials = new AtomicLong(System.currentTimeMillis() * 1000);

  public SessionManager(
      String nodeName, SessionTable table, Hooks hooks, Duration replacedWaitTimeout) {
    this.nodeName = nodeName;
    this.table = table;
    this.hooks = hooks;
    this.replacedWaitTimeout = replacedWaitTimeout;
  }

  /** A fresh session id owned by this node. */
  public SessionId newSessionId() {
    return new SessionId(nodeName, serials.incrementAndGet());
  }

  public SessionTable table() {
    return table;
  }

  /**
   * Registers a newly bound session, replacing any session with the same full JID. Blocks until the
   * replaced session closed or the wait timed out; call from the session's own thread.
   */
  public void open(SessionHandle handle) {
    SessionEntry entry = handle.entry();
    Optional<SessionEntry> old = table.lookup(entry.jid());
    if (old.isPresent() && !old.get().id().equals(entry.id())) {
      replace(old.get());
    }
    localHandles.put(entry.id(), handle);
    table.put(entry);
    hooks.sessionOpened.run(null, new SessionEvent(entry, null));
  }

  private void replace(SessionEntry old) {
    SessionHandle oldHandle = localHandles.get(old.id());
    if (oldHandle == null) {
      table.remove(old.jid(), old.id());
      return;
    }
    oldHandle.close(StreamError.of(StreamError.Condition.CONFLICT, "Replaced by new connection"));
    try {
      oldHandle.closed().get(replacedWaitTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("Replaced session {} did not close within {}", old.jid(), replacedWaitTimeout);
      forget(old);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      forget(old);
    }
  }

  private void forget(SessionEntry entry) {
    localHandles.remove(entry.id());
    table.remove(entry.jid(), entry.id());
  }

  /** Records a presence change of a session (priority, availability). */
  public void updatePresence(SessionEntry entry) {
    if (localHandles.containsKey(entry.id())) {
      table.put(entry);
    }
  }

  /** Removes a closed session and runs the session-closed hook. */
  public void close(SessionEntry entry, StreamError reason) {
    if (localHandles.remove(entry.id()) != null) {
      table.remove(entry.jid(), entry.id());
      hooks.sessionClosed.run(null, new SessionEvent(entry, reason));
    }
  }

  /** The sessions of a user (bare JID). */
  public List<SessionEntry> sessions(Jid bare) {
    return table.lookupBare(bare);
  }

  public Optional<SessionEntry> session(Jid full) {
    return table.lookup(full);
  }

  /**
   * Delivers a stanza to one session.
   *
   * @return false when the session is not (or no longer) reachable
   */
  public boolean deliver(SessionEntry entry, XmlElement stanza) {
    SessionHandle handle = localHandles.get(entry.id());
    if (handle == null) {
      return false;
    }
    handle.deliver(stanza);
    return true;
  }

  /**
   * Has a session of this node handle a stanza as if its client sent it.
   *
   * @return completes with false when the session is not here or cannot act for a client
   */
  public CompletableFuture<Boolean> sendAsClient(Jid full, XmlElement stanza) {
    SessionHandle handle = table.lookup(full).map(e -> localHandles.get(e.id())).orElse(null);
    return handle == null ? CompletableFuture.completedFuture(false) : handle.sendAsClient(stanza);
  }

  /** Closes a user's sessions (all resources when {@code full} is bare). */
  public int kick(Jid jid, StreamError reason) {
    List<SessionEntry> targets =
        jid.isBare() ? table.lookupBare(jid) : table.lookup(jid).map(List::of).orElse(List.of());
    int closed = 0;
    for (SessionEntry e : targets) {
      SessionHandle h = localHandles.get(e.id());
      if (h != null) {
        h.close(reason);
        closed++;
      }
    }
    return closed;
  }

  /** Number of sessions on this node. */
  public int localCount() {
    return localHandles.size();
  }

  /** Closes every session of this node (shutdown). */
  public void closeAll(StreamError reason) {
    localHandles.values().forEach(h -> h.close(reason));
  }
}
