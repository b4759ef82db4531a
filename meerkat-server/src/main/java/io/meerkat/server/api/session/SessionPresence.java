package io.meerkat.server.api.session;

import io.meerkat.server.api.ApiException;
import io.meerkat.server.api.ApiServices;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code session setPresence}: the session sends the presence broadcast as if its client had sent
 * it (same hooks, same broadcast to subscribers, same bookkeeping), so the session's availability
 * and priority change exactly as they would from the client.
 */
final class SessionPresence {

  private static final long TIMEOUT_SECONDS = 10;

  private final ApiServices services;

  SessionPresence(ApiServices services) {
    this.services = services;
  }

  /**
   * @param type {@code AVAILABLE} or {@code UNAVAILABLE}
   * @param show {@code ONLINE} (no show element), {@code CHAT}, {@code AWAY}, {@code XA}, {@code
   *     DND}, or null
   * @throws ApiException {@code bad_request} for a bare JID or a priority outside -128..127, {@code
   *     no_session} when the session is not connected to this node
   */
  String set(Jid full, String type, String show, String status, Integer priority) {
    services.requireHost(full.domain());
    if (!full.hasResource()) {
      throw new ApiException("bad_request", "A full JID with a resource is needed: " + full);
    }
    if (priority != null && (priority < -128 || priority > 127)) {
      throw new ApiException("bad_request", "The priority must be between -128 and 127");
    }
    XmlElement.Builder presence = XmlElement.builder("presence", Namespaces.CLIENT);
    if ("UNAVAILABLE".equals(type)) {
      presence.attribute("type", "unavailable");
    }
    if (show != null && !"ONLINE".equals(show)) {
      presence.textChild("show", show.toLowerCase(java.util.Locale.ROOT));
    }
    if (status != null) {
      presence.textChild("status", status);
    }
    if (priority != null) {
      presence.textChild("priority", Integer.toString(priority));
    }
    if (!handled(full, presence.build())) {
      throw new ApiException("no_session", "There is no session " + full);
    }
    return "Presence set successfully";
  }

  private boolean handled(Jid full, XmlElement presence) {
    try {
      return services
          .sessions()
          .sendAsClient(full, presence)
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while setting a presence", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the session did not handle the presence", e);
    }
  }
}
