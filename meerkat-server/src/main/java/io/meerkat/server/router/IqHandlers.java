package io.meerkat.server.router;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registered IQ handlers by payload namespace: those answering for the server's domains and those
 * answering on behalf of a user for IQs sent to the user's bare JID (RFC 6120 §10.5.3.1).
 */
public final class IqHandlers {

  private final Map<String, IqHandler> server = new ConcurrentHashMap<>();
  private final Map<String, IqHandler> user = new ConcurrentHashMap<>();

  public void registerServer(String namespace, IqHandler handler) {
    register(server, namespace, handler);
  }

  public void registerUser(String namespace, IqHandler handler) {
    register(user, namespace, handler);
  }

  public void unregisterServer(String namespace) {
    server.remove(namespace);
  }

  public void unregisterUser(String namespace) {
    user.remove(namespace);
  }

  public IqHandler server(String namespace) {
    return server.get(namespace);
  }

  public IqHandler user(String namespace) {
    return user.get(namespace);
  }

  /** Namespaces answered by the server (for service discovery). */
  public Set<String> serverNamespaces() {
    return Set.copyOf(server.keySet());
  }

  private static void register(Map<String, IqHandler> map, String namespace, IqHandler handler) {
    if (map.putIfAbsent(namespace, handler) != null) {
      throw new IllegalStateException("two IQ handlers for " + namespace);
    }
  }
}
