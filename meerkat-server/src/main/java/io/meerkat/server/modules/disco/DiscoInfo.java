package io.meerkat.server.modules.disco;

import io.meerkat.server.modules.forms.DataForm;
import io.meerkat.xml.XmlElement;
import io.meerkat.xmpp.Namespaces;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The answer to a XEP-0030 {@code disco#info} request: identities, features and extended
 * information forms (XEP-0128). Features are kept sorted and unique.
 */
public record DiscoInfo(
    List<Identity> identities, SortedSet<String> features, List<DataForm> forms) {

  /**
   * One identity.
   *
   * @param lang the {@code xml:lang}, {@code null} for none
   * @param name the human-readable name, {@code null} for none
   */
  public record Identity(String category, String type, String lang, String name) {
    public static Identity of(String category, String type, String name) {
      return new Identity(category, type, null, name);
    }
  }

  public DiscoInfo {
    identities = List.copyOf(identities);
    features = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(features));
    forms = List.copyOf(forms);
  }

  public static DiscoInfo of(Identity identity, List<String> features) {
    return new DiscoInfo(List.of(identity), new TreeSet<>(features), List.of());
  }

  /** The {@code <query xmlns='...disco#info'/>} element, with {@code node} when given. */
  public XmlElement toQuery(String node) {
    XmlElement.Builder q =
        XmlElement.builder("query", Namespaces.DISCO_INFO).attribute("node", node);
    for (Identity i : identities) {
      q.child(
          XmlElement.builder("identity", Namespaces.DISCO_INFO)
              .attribute("category", i.category())
              .attribute("type", i.type())
              .attribute("xml:lang", i.lang())
              .attribute("name", i.name())
              .build());
    }
    for (String f : features) {
      q.child(XmlElement.builder("feature", Namespaces.DISCO_INFO).attribute("var", f).build());
    }
    forms.forEach(f -> q.child(f.toElement()));
    return q.build();
  }
}
