package io.meerkat.server.modules.privatestorage;

import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Private storage operations shared by the XMPP handler and the admin/user APIs ({@code
 * private.getPrivate}, {@code private.setPrivate}). Blocking: call from virtual threads.
 */
public final class PrivateApi {

  private final PrivateBackend backend;

  public PrivateApi(PrivateBackend backend) {
    this.backend = backend;
  }

  /**
   * True for namespaces XEP-0049 reserves (those starting with {@code jabber:} or {@code
   * http://jabber.org/}, and {@code vcard-temp}), and for elements without a namespace of their
   * own: they cannot be stored.
   */
  public static boolean reserved(String namespace) {
    return namespace == null
        || namespace.isEmpty()
        || namespace.startsWith("jabber:")
        || namespace.startsWith("http://jabber.org/")
        || namespace.equals("vcard-temp");
  }

  /**
   * What is stored under the namespace of {@code element}: the stored elements, or {@code element}
   * itself (typically empty) when nothing is stored.
   */
  public List<XmlElement> getPrivate(Jid user, XmlElement element) {
    List<XmlElement> stored = backend.get(user.toBare(), element.namespace());
    return stored.isEmpty() ? List.of(element) : stored;
  }

  /** The elements stored under {@code namespace}, empty if none. */
  public List<XmlElement> getPrivate(Jid user, String namespace) {
    return backend.get(user.toBare(), namespace);
  }

  /**
   * Stores elements, grouped by namespace: each namespace's previous content is replaced.
   *
   * @throws IllegalArgumentException when an element is in a reserved namespace
   */
  public void setPrivate(Jid user, List<XmlElement> elements) {
    Map<String, List<XmlElement>> byNamespace = new LinkedHashMap<>();
    for (XmlElement e : elements) {
      if (reserved(e.namespace())) {
        throw new IllegalArgumentException("reserved namespace: " + e.namespace());
      }
      byNamespace.computeIfAbsent(e.namespace(), k -> new java.util.ArrayList<>()).add(e);
    }
    backend.set(user.toBare(), byNamespace);
  }

  /** Deletes everything the user stored (account removal). */
  public void removeAll(Jid user) {
    backend.removeAll(user.toBare());
  }
}
