package io.meerkat.server.router;

import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;

/**
 * Answers IQ requests ({@code get}/{@code set}) in one namespace. Runs on the sender's session
 * thread, so it may block on storage.
 */
@FunctionalInterface
public interface IqHandler {

  /**
   * @param from the sender, stamped by the server
   * @param to the addressee (the server's domain, or the bare JID of the user the server answers
   *     for)
   * @param iq the request
   * @return the reply ({@code result} or {@code error}) to route back to the sender, or {@code
   *     null} when the handler routes its reply itself
   */
  XmlElement handle(Jid from, Jid to, XmlElement iq);
}
