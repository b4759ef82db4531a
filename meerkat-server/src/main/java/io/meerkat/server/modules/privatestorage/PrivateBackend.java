package io.meerkat.server.modules.privatestorage;

import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import java.util.List;
import java.util.Map;

/**
 * Private XML storage (XEP-0049): per account, the elements last stored under each namespace.
 * Implementations block (JDBC): call from virtual threads.
 */
public interface PrivateBackend {

  /** The elements stored under {@code namespace}; empty when nothing was stored. */
  List<XmlElement> get(Jid user, String namespace);

  /**
   * Replaces, in one transaction, what is stored under each namespace of {@code byNamespace} with
   * the given elements (all qualified by that namespace).
   */
  void set(Jid user, Map<String, List<XmlElement>> byNamespace);

  /** Deletes everything the user stored (account removal). */
  void removeAll(Jid user);
}
