package io.meerkat.server.modules.vcard;

import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import java.util.Optional;

/**
 * Stored vCards (XEP-0054), one per account, kept exactly as the user set them. Implementations
 * block (JDBC): call from virtual threads.
 */
public interface VcardBackend {

  /** The user's {@code <vCard xmlns='vcard-temp'/>}, if one was set. */
  Optional<XmlElement> get(Jid user);

  /** Stores or replaces the user's vCard. */
  void set(Jid user, XmlElement vcard);

  /** Deletes the user's vCard if any (account removal). */
  void remove(Jid user);
}
