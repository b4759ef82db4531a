package io.meerkat.server.testing;

import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Namespaces;

/** Configuration and small helpers for tests of the IM storage modules. */
public final class ImModules {
  private ImModules() {}

  /**
   * TOML enabling vCard, private storage, last activity, blocking, version and time, plus a fourth
   * client listener (STARTTLS required) whose negotiation timeout tolerates a loaded machine: these
   * tests log in often and are not about timeouts.
   */
  public static final String TOML =
      """

      [[listen.c2s]]
        port = 0
        ip_address = "127.0.0.1"
        state_timeout = 15000
        max_stanza_size = 8192
        tls.mode = "starttls_required"

      [modules.mod_vcard]
        max_size = 2048
      [modules.mod_private]
      [modules.mod_last]
      [modules.mod_blocking]
      [modules.mod_version]
      [modules.mod_time]
      """;

  /** The port of the listener {@link #TOML} adds. */
  public static int port(TestNode node) {
    return node.node().c2sPorts().get(3);
  }

  /** The defined condition of an error reply, e.g. {@code forbidden}. */
  public static String condition(XmlElement errorReply) {
    XmlElement error = errorReply.child("error", Namespaces.CLIENT);
    if (error == null) {
      throw new AssertionError("not an error: " + errorReply);
    }
    for (XmlElement e : error.elements()) {
      if (Namespaces.STANZA_ERRORS.equals(e.namespace()) && !e.name().equals("text")) {
        return e.name();
      }
    }
    throw new AssertionError("no condition in " + errorReply);
  }
}
