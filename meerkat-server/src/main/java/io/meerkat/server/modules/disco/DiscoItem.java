package io.meerkat.server.modules.disco;

import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Namespaces;

/**
 * One {@code disco#items} entry.
 *
 * @param node {@code null} for none
 * @param name {@code null} for none
 */
public record DiscoItem(String jid, String node, String name) {

  public XmlElement toElement() {
    return XmlElement.builder("item", Namespaces.DISCO_ITEMS)
        .attribute("jid", jid)
        .attribute("node", node)
        .attribute("name", name)
        .build();
  }
}
