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
 * <p>Resource conflicts: the new session wins, on whichever node the old one lives. The old one is
 * closed with a {@code conflict} stream error and the new one waits up to {@code
 * replaced_wait_timeout} for it to go away. Two nodes binding one full JID at the same moment both
 * find the other's entry after their own write (writes are acknowledged by every node before they
 * return); whichever node sees a duplicate closes every entry but the newest, so exactly one
 * survives.
 */
public final class SessionManager {

  private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

  private static final StreamError REPLACED =
      StreamError.of(StreamError.Condition.CONFLICT, "Replaced by new connection");

  private final String nodeName;
  private final SessionTable table;
  private final RemoteSessions remote;
  private final Hooks hooks;
  private final Duration replacedWaitTimeout;
  private final Map<SessionId, SessionHandle> localHandles = new ConcurrentHashMap<>();
  private final AtomicLong serials = new AtomicLong(System.currentTimeMillis() * 1000);

  /** A node on its own. */
  public SessionManager(
      String nodeName, SessionTable table, Hooks hooks, Duration replacedWaitTimeout) {
    this(nodeName, table, RemoteSessions.NONE, hooks, replacedWaitTimeout);
  }

  /** A node of a cluster: {@code remote} reaches the sessions of the other nodes. */
  public SessionManager(
      String nodeName,
      SessionTable table,
      RemoteSessions remote,
      Hooks hooks,
      Duration replacedWaitTimeout) {
    this.nodeName = nodeName;
    this.table = table;
    this.remote = remote;
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
    resolveDuplicates(entry.jid());
    hooks.sessionOpened.run(null, new SessionEvent(entry, null));
  }

  /** Whether {@code entry} is a session of this node. */
  public boolean isLocal(SessionEntry entry) {
    return entry.id().node().equals(nodeName);
  }

  /**
   * Closes every session of {@code fullJid} but the newest: the outcome of two binds of one
   * resource racing on two nodes, or of a netsplit during which the user reconnected elsewhere.
   */
  public void resolveDuplicates(Jid fullJid) {
    List<SessionEntry> same = table.lookupAll(fullJid);
    if (same.size() < 2) {
      return;
    }
    SessionEntry newest = same.stream().max(SessionEntry.NEWEST_LAST).orElseThrow();
    for (SessionEntry e : same) {
      if (!e.id().equals(newest.id())) {
        LOG.info("Closing {} session {}: a newer one is {}", e.jid(), e.id(), newest.id());
        closeAnywhere(e, REPLACED);
      }
    }
  }

  private void replace(SessionEntry old) {
    CompletableFuture<?> gone;
    SessionHandle oldHandle = localHandles.get(old.id());
    if (oldHandle != null) {
      oldHandle.close(REPLACED);
      gone = oldHandle.closed();
    } else if (isLocal(old)) {
      table.remove(old.jid(), old.id());
      return;
    } else {
      gone = remote.close(old, REPLACED);
    }
    try {
      gone.get(replacedWaitTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("Replaced session {} did not close within {}", old.jid(), replacedWaitTimeout);
      forget(old);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // The owner is unreachable; its sessions are being removed by the node-down cleanup.
      forget(old);
    }
  }

  /** Closes a session of this or another node; does not wait. */
  private boolean closeAnywhere(SessionEntry entry, StreamError reason) {
    SessionHandle handle = localHandles.get(entry.id());
    if (handle != null) {
      handle.close(reason);
      return true;
    }
    if (isLocal(entry)) {
      return false;
    }
    remote.close(entry, reason);
    return true;
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
   * Sends a stanza to the node owning {@code entry}, whose router delivers it as to a local
   * session.
   *
   * @return false when that node cannot be reached
   */
  public boolean forward(SessionEntry entry, XmlElement stanza) {
    return !isLocal(entry) && remote.forward(entry, stanza);
  }

  /** The session of this node with this id, if it is still open. */
  public Optional<SessionEntry> localSession(SessionId id) {
    return Optional.ofNullable(localHandles.get(id)).map(SessionHandle::entry);
  }

  /**
   * Has a session of this node handle a stanza as if its client sent it.
   *
   * @return completes with false when the session is not here or cannot act for a client
   */
  public CompletableFuture<Boolean> sendAsClient(Jid full, XmlElement stanza) {
    SessionEntry entry = table.lookup(full).orElse(null);
    if (entry == null) {
      return CompletableFuture.completedFuture(false);
    }
    SessionHandle handle = localHandles.get(entry.id());
    if (handle != null) {
      return handle.sendAsClient(stanza);
    }
    return isLocal(entry)
        ? CompletableFuture.completedFuture(false)
        : remote.sendAsClient(entry, stanza);
  }

  /** Has the local session {@code id} handle a stanza as if its client sent it. */
  public CompletableFuture<Boolean> sendAsLocalClient(SessionId id, XmlElement stanza) {
    SessionHandle handle = localHandles.get(id);
    return handle == null ? CompletableFuture.completedFuture(false) : handle.sendAsClient(stanza);
  }

  /**
   * Closes the local session {@code id}.
   *
   * @return completes with true once it is gone, false when there is no such session here
   */
  public CompletableFuture<Boolean> closeLocal(SessionId id, StreamError reason) {
    SessionHandle handle = localHandles.get(id);
    if (handle == null) {
      return CompletableFuture.completedFuture(false);
    }
    handle.close(reason);
    return handle.closed().thenApply(v -> true);
  }

  /** Closes a user's sessions (all resources when {@code full} is bare). */
  public int kick(Jid jid, StreamError reason) {
    List<SessionEntry> targets =
        jid.isBare() ? table.lookupBare(jid) : table.lookup(jid).map(List::of).orElse(List.of());
    int closed = 0;
    for (SessionEntry e : targets) {
      if (closeAnywhere(e, reason)) {
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
