package io.meerkat.server.modules.offline;

import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.MessageType;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.Stanza;
import java.util.Set;

/**
 * Which undeliverable messages are worth keeping (XEP-0160 §3, XEP-0334, XEP-0085 §5.6).
 *
 * <ul>
 *   <li>Only {@code chat} and {@code normal} messages; never errors, headlines or groupchat.
 *   <li>A {@code <store/>} hint stores any such message; a {@code <no-store/>} hint refuses it.
 *   <li>Otherwise a message is stored when it carries something for the user: a body, a subject or
 *       any payload other than chat states, hints and a thread.
 *   <li>Chat-state-only messages are discarded without an error: they are only meaningful live.
 * </ul>
 */
final class OfflinePolicy {

  /** What to do with an undeliverable message. */
  enum Decision {
    STORE,
    /** Not stored; the sender gets the usual {@code service-unavailable}. */
    REFUSE,
    /** Not stored and no error: it would be stale on delivery and an error would be noise. */
    DISCARD
  }

  private static final Set<String> NOT_CONTENT_NAMESPACES =
      Set.of(Namespaces.CHATSTATES, Namespaces.HINTS);

  Decision decide(XmlElement message) {
    MessageType type = MessageType.parse(Stanza.type(message));
    if (type != MessageType.CHAT && type != MessageType.NORMAL) {
      return Decision.REFUSE;
    }
    if (hint(message, "no-store")) {
      return Decision.REFUSE;
    }
    if (hint(message, "store")) {
      return Decision.STORE;
    }
    boolean chatState = false;
    for (XmlElement child : Stanza.payload(message)) {
      if (child.namespace().equals(Namespaces.CHATSTATES)) {
        chatState = true;
      } else if (!NOT_CONTENT_NAMESPACES.contains(child.namespace())
          && !child.is("thread", message.namespace())) {
        return Decision.STORE;
      }
    }
    return chatState ? Decision.DISCARD : Decision.REFUSE;
  }

  private static boolean hint(XmlElement message, String name) {
    return message.child(name, Namespaces.HINTS) != null;
  }
}
