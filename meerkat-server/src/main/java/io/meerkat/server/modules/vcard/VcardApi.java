package io.meerkat.server.modules.vcard;

import io.meerkat.server.auth.UserStore;
import io.meerkat.server.storage.StoredXml;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * vCard operations shared by the XMPP handler and the admin/user APIs ({@code vcard.getVcard},
 * {@code vcard.setVcard}). Blocking: call from virtual threads.
 */
public final class VcardApi {

  /** What became of a vCard update. */
  public enum SetResult {
    STORED,
    /** The element is not {@code <vCard xmlns='vcard-temp'/>}. */
    NOT_A_VCARD,
    /** Its serialized size is over {@code max_size}. */
    TOO_LARGE,
    UNKNOWN_USER
  }

  private final VcardBackend backend;
  private final UserStore users;
  private final long maxSize;

  public VcardApi(VcardBackend backend, UserStore users, long maxSize) {
    this.backend = backend;
    this.users = users;
    this.maxSize = maxSize;
  }

  /** The user's vCard; empty when the user has none or does not exist. */
  public Optional<XmlElement> getVcard(Jid user) {
    return backend.get(user.toBare());
  }

  /** Stores the user's vCard after checking it. */
  public SetResult setVcard(Jid user, XmlElement vcard) {
    if (!vcard.is("vCard", Namespaces.VCARD)) {
      return SetResult.NOT_A_VCARD;
    }
    if (StoredXml.write(vcard).getBytes(StandardCharsets.UTF_8).length > maxSize) {
      return SetResult.TOO_LARGE;
    }
    if (!users.exists(user.toBare())) {
      return SetResult.UNKNOWN_USER;
    }
    backend.set(user.toBare(), vcard);
    return SetResult.STORED;
  }

  public long maxSize() {
    return maxSize;
  }

  /** Deletes the user's vCard (account removal). */
  public void remove(Jid user) {
    backend.remove(user.toBare());
  }
}
