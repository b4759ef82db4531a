package io.meerkat.server.hooks;

import io.meerkat.server.sm.SessionEntry;
import io.meerkat.xml.XmlElement;

/**
 * A session's own presence changed.
 *
 * @param before the session before (unavailable for an initial presence)
 * @param after the session after (unavailable after unavailable presence)
 * @param presence the presence the client sent, {@code from} stamped
 */
public record PresenceUpdate(SessionEntry before, SessionEntry after, XmlElement presence) {

  /** The first available presence of the session. */
  public boolean initial() {
    return !before.available() && after.available();
  }
}
