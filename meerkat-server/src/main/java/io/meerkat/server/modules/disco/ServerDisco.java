package io.meerkat.server.modules.disco;

import io.meerkat.server.module.EnabledModules;
import io.meerkat.server.module.FeatureModule;
import io.meerkat.server.modules.forms.DataForm;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Jid;
import io.meerkat.xmpp.Namespaces;
import io.meerkat.xmpp.Stanza;
import io.meerkat.xmpp.StanzaError;
import io.meerkat.xmpp.StanzaError.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Service discovery of the server itself: its identity, the features of every enabled module,
 * XEP-0128/XEP-0157 server information, the extra domains as items, the XEP-0115 {@code node#ver}
 * node, and nodes that other modules provide.
 */
final class ServerDisco {

  /** The XEP-0115 node naming this software. */
  static final String CAPS_NODE = "https://meerkat.im";

  private final EnabledModules modules;
  private final List<String> extraDomains;
  private final List<DataForm> serverInfo;
  private DiscoInfo info;
  private String ver;

  ServerDisco(EnabledModules modules, List<String> extraDomains, List<DataForm> serverInfo) {
    this.modules = modules;
    this.extraDomains = List.copyOf(extraDomains);
    this.serverInfo = List.copyOf(serverInfo);
  }

  /** Collects the features once every module exists (modules are created before any starts). */
  void start() {
    TreeSet<String> features =
        new TreeSet<>(List.of(Namespaces.DISCO_INFO, Namespaces.DISCO_ITEMS));
    for (FeatureModule m : modules.all()) {
      features.addAll(m.info().discoFeatures());
    }
    info =
        new DiscoInfo(
            List.of(DiscoInfo.Identity.of("server", "im", "Meerkat")), features, serverInfo);
    ver = CapsHash.ver(info);
  }

  DiscoInfo info() {
    return info;
  }

  String ver() {
    return ver;
  }

  XmlElement capsFeature() {
    return XmlElement.builder("c", Namespaces.CAPS)
        .attribute("hash", "sha-1")
        .attribute("node", CAPS_NODE)
        .attribute("ver", ver)
        .build();
  }

  XmlElement info(Jid from, Jid to, XmlElement iq) {
    String node = iq.firstElement().attribute("node");
    if (node == null) {
      return Stanza.iqResult(iq, info.toQuery(null));
    }
    if (node.equals(CAPS_NODE + "#" + ver)) {
      return Stanza.iqResult(iq, info.toQuery(node));
    }
    for (DiscoNodeProvider p : providers()) {
      Optional<DiscoInfo> answer = p.nodeInfo(from, to, node);
      if (answer.isPresent()) {
        return Stanza.iqResult(iq, answer.get().toQuery(node));
      }
    }
    return Stanza.errorReply(iq, StanzaError.of(Condition.ITEM_NOT_FOUND, "No such node"));
  }

  XmlElement items(Jid from, Jid to, XmlElement iq) {
    String node = iq.firstElement().attribute("node");
    List<DiscoItem> items = new ArrayList<>();
    if (node == null) {
      extraDomains.forEach(d -> items.add(new DiscoItem(d, null, null)));
    } else {
      Optional<List<DiscoItem>> answer = Optional.empty();
      for (DiscoNodeProvider p : providers()) {
        answer = p.nodeItems(from, to, node);
        if (answer.isPresent()) {
          break;
        }
      }
      if (answer.isEmpty()) {
        return Stanza.errorReply(iq, StanzaError.of(Condition.ITEM_NOT_FOUND, "No such node"));
      }
      items.addAll(answer.get());
    }
    XmlElement.Builder q =
        XmlElement.builder("query", Namespaces.DISCO_ITEMS).attribute("node", node);
    items.forEach(i -> q.child(i.toElement()));
    return Stanza.iqResult(iq, q.build());
  }

  private List<DiscoNodeProvider> providers() {
    return modules.all().stream()
        .filter(DiscoNodeProvider.class::isInstance)
        .map(DiscoNodeProvider.class::cast)
        .toList();
  }
}
